// sessions-with-aws-sam eventbridge: an HTTP API POST / puts `translate` and
// `sentiment` events (source TextEndpoint) on a custom bus named SuperBus2;
// one rule per detail-type invokes a function that calls Comprehend (and
// Translate). Differences: nodejs16.x can no longer be used to create
// functions, so the spec uses nodejs22.x; the endpoint may put only these two
// events on the bus (EventBridgePutEventsPolicy allows any); the
// Comprehend permissions are written out with `allow` (the Detect* and
// BatchDetect* actions of ComprehendBasicAccessPolicy); the
// rules get a dead-letter queue and the functions an on_failure queue, which
// the original lacks. The original's output of AWS::NotificationARNs (the
// stack's own notification topics) has no equivalent.

app eventbridge {
  runtime = "nodejs22.x"
  timeout = 5s
  outputs {
    APIUrl = { value = Api.url, description = "HTTP API endpoint URL" }
  }
  acknowledge {
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "asynchronous failures go to on_failure destinations (Lambda destinations, not the older DeadLetterConfig); the other functions are invoked synchronously or by event source mappings"
    CKV_AWS_117 = "the functions call only AWS APIs, as in the original: there is nothing in a VPC to reach"
  }
}

event Translate from "TextEndpoint" detail_type "translate" { text: string }
event Sentiment from "TextEndpoint" detail_type "sentiment" { text: string }

bus CustomBus { name = "SuperBus2" }

queue Failures { retention = 14d }

function EndpointFunction {
  handler = "endpoint.lambdaHandler"
  code    = "src"
  env { EVENT_BUS_NAME = CustomBus.name }
  emits Translate to CustomBus
  emits Sentiment to CustomBus
}

function TranslateFunction {
  handler    = "translate.lambdaHandler"
  code       = "src"
  allow ["comprehend:DetectDominantLanguage", "comprehend:DetectEntities", "comprehend:DetectKeyPhrases", "comprehend:DetectSentiment", "comprehend:DetectSyntax", "comprehend:BatchDetectDominantLanguage", "comprehend:BatchDetectEntities", "comprehend:BatchDetectKeyPhrases", "comprehend:BatchDetectSentiment", "comprehend:BatchDetectSyntax", "translate:TranslateText"] on "*" {
    acknowledge = "Comprehend's detection and Translate's TranslateText act on no resource: they take only `*`"
  }
  on_failure = Failures
}

function SentimentFunction {
  handler    = "sentiment.lambdaHandler"
  code       = "src"
  allow ["comprehend:DetectDominantLanguage", "comprehend:DetectEntities", "comprehend:DetectKeyPhrases", "comprehend:DetectSentiment", "comprehend:DetectSyntax", "comprehend:BatchDetectDominantLanguage", "comprehend:BatchDetectEntities", "comprehend:BatchDetectKeyPhrases", "comprehend:BatchDetectSentiment", "comprehend:BatchDetectSyntax"] on "*" {
    acknowledge = "Comprehend's detection actions act on no resource: they take only `*`"
  }
  on_failure = Failures
}

api Api http {
  auth = none
  POST / -> EndpointFunction { acknowledge = "a public demo endpoint, as in the original" }
}

rule TranslateFilter on CustomBus {
  match Translate
  send to TranslateFunction
  dead_letter = Failures
}

rule SentimentFilter on CustomBus {
  match Sentiment
  send to SentimentFunction
  dead_letter = Failures
}
