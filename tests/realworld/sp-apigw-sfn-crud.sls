// serverless-patterns apigw-sfn-crud: a REST API (stage Prod, tracing,
// access logs) whose two routes, ANY / and ANY /{id}, run an Express state
// machine synchronously (StartSyncExecution, answering with its output);
// the machine (crud.asl.json, logging ALL, tracing) scans, puts, gets and
// deletes items of a table. The input is the original's
// `{"data": BODY, "httpMethod": METHOD}` (`input = { data = body,
// httpMethod = request.method }`, a REST mapping template); `ANY /{id}`
// also maps `pathParam = path.id`, which the machine branches on and the
// original's template never sets. Other differences: the API's role may
// start only this machine, as in the original; the machine's role has
// exactly the four DynamoDB actions its tasks call on the table (the
// original grants DynamoDBCrudPolicy); the log groups have retention and
// the app's key and generated names; the table is SimpleTable's
// (`id: string`) with slsc's defaults (on-demand, point-in-time recovery,
// retained); the definition's `${DDBTable}` is `${DataBase}` (see
// asl/sp-apigw-sfn-crud/).

app sfn_crud {
  acknowledge {
    CKV_AWS_120 = "every request runs the workflow on live data: nothing to cache"
    CKV_AWS_59  = "a public CRUD demo, as in the original"
  }
  outputs {
    ApiEndpoint = { value = Api.url, description = "API Gateway endpoint URL for Prod stage" }
  }
}

table DataBase {
  key = { id: string }
}

state_machine StateMachine {
  type       = express
  definition = "asl/sp-apigw-sfn-crud/crud.asl.json"
  log_level  = all
}

api Api rest {
  stage_name  = "Prod"
  access_logs = true
  auth        = none
  ANY / -> send to StateMachine {
    input       = { data = body, httpMethod = request.method }
    acknowledge = "a public CRUD demo, as in the original: anyone may create, read, update and delete items"
  }
  ANY /{id} -> send to StateMachine {
    params { id: string }
    input       = { data = body, httpMethod = request.method, pathParam = path.id }
    acknowledge = "a public CRUD demo, as in the original"
  }
}
