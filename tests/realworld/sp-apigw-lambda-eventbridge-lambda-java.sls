// serverless-patterns apigw-lambda-eventbridge-lambda-sam-java: a REST API
// POST /tickets calls TicketPublisher, which puts events with source
// com.example on the custom bus TicketEventBus; a rule sends every
// com.example event on it to TicketSubscriber. Complete. Differences: the
// code is the shared placeholder folder instead of target/ticketPubSub.zip
// (a `.zip` path is accepted, but must exist when the spec is checked);
// the publisher may put only `Ticket` events of source com.example
// (EventBridgePutEventsPolicy allows any event); the rule gets a dead-letter
// queue and the subscriber an on_failure queue, which the original lacks.

app tickets {
  runtime = "java25"
  memory  = 512MB
  timeout = 25s
  acknowledge {
    CKV_AWS_76 = "REST access logs need the account-wide API Gateway CloudWatch role, which this demo does not set"
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "asynchronous failures go to on_failure destinations (Lambda destinations, not the older DeadLetterConfig); the other functions are invoked synchronously or by event source mappings"
    CKV_AWS_117 = "the functions call only AWS APIs, as in the original: there is nothing in a VPC to reach"
    CKV_AWS_120 = "responses are computed per request, as in the original: nothing to cache"
    CKV_AWS_59 = "a public demo endpoint, as in the original"
  }
}

event Ticket from "com.example" {
  ticketId: string
}

bus TicketEventBus { name = "TicketEventBus" }

queue Failures { retention = 14d }

function TicketPublisher {
  name    = "TicketPublisher"
  handler = "com.example.publisher.TicketPublisher::handleRequest"
  code    = "src"
  emits Ticket to TicketEventBus
}

function TicketSubscriber {
  name       = "TicketSubscriber"
  handler    = "com.example.subscriber.TicketSubscriber::handleRequest"
  code       = "src"
  on_failure = Failures
}

api TicketAPIGateway rest {
  auth       = none
  stage_name = "dev"
  POST /tickets -> TicketPublisher { acknowledge = "a public demo endpoint, as in the original" }
}

rule TicketEventRule on TicketEventBus {
  match any where source = "com.example"
  send to TicketSubscriber
  dead_letter = Failures
  name        = "TicketRule"
}
