// SYNTAX TEST "slsc" "Vim syntax groups, in the assertion format of the VS Code tests"
use aws.s3
// <--- slscInclude
//  ^^^^^^ slscModule
use "./events.sls"
//  ^^^^^^^^^^^^^^ slscString

app shop {
// <--- slscDeclaration
//  ^^^^ slscDeclName
  runtime = "python3.13" // TODO: pin
//^^^^^^^ slscProperty
//        ^ slscOperator
//          ^^^^^^^^^^^^ slscString
//                       ^^^^^^^^^^^^ slscComment
//                          ^^^^ slscTodo
  memory = 512MB
//         ^^^ slscSize
//            ^^ slscUnit
  timeout = 500ms
//          ^^^ slscDuration
//             ^^ slscUnit
  n = -7, f = 2.5, ok = true
//    ^^ slscNumber
//            ^^^ slscFloat
//                      ^^^^ slscBoolean
  architecture = arm64
//               ^^^^^ slscOption
  tags { team = "a\n\u{1F600}\q" }
//^^^^ slscBlock
//                ^^ slscEscape
//                  ^^^^^^^^^ slscEscape
//                           ^^ slscEscapeError
  bad = 1.5h, worse = 512mb
//      ^^^^ slscError
//                    ^^^^^ slscError
}

type T {
// <---- slscDeclaration
//   ^ slscDeclName
  bucket: S3Bucket
//^^^^^^ slscField - slscDeclaration
//        ^^^^^^^^ slscTypeReference
  gift?: bool
//^^^^ slscField
//    ^ slscOperator
  "version-id"?: string
//^^^^^^^^^^^^ slscField
}

function Worker {
// <-------- slscDeclaration
//       ^^^^^^ slscFunctionName
  reads Orders, Sessions
//^^^^^ slscVerb
//      ^^^^^^ slscReference
//              ^^^^^^^^ slscReference
  reads Orders, writes Orders, on_failure = Failures
//              ^^^^^^ slscVerb
//                             ^^^^^^^^^^ slscProperty
  sends Job to Jobs
//^^^^^ slscVerb
//      ^^^ slscMessageType
//          ^^ slscKeyword
//             ^^^^ slscReference
  emits OrderPlaced to default
//^^^^^ slscVerb
//      ^^^^^^^^^^^ slscTypeReference
//                  ^^ slscKeyword
  on Uploads { prefix = "in/", events = [created] }
//^^ slscKeyword
//   ^^^^^^^ slscReference
//             ^^^^^^ slscProperty
//                                       ^^^^^^^ slscOption
}

api Public http {
// <--- slscDeclaration
//  ^^^^^^ slscApiName
//         ^^^^ slscProtocol
  auth = jwt { issuer = "https://a.example.com" }
//       ^^^ slscTagged
//                      ^^^^^^^^^^^^^^^^^^^^^^^ slscString - slscComment
  GET /orders/{id+} -> GetOrder
//^^^ slscHttpMethod
//    ^^^^^^^^ slscRoutePath
//            ^^^^^ slscPathParameter
//                  ^^ slscOperator
//                     ^^^^^^^^ slscReference
  cors { methods = [GET, POST] }
//                  ^^^ slscHttpMethod
//                       ^^^^ slscHttpMethod
}

rule R on default {
// <---- slscDeclaration
//     ^^ slscKeyword
  match OrderPlaced where total >= 100 and currency in ["USD"]
//^^^^^ slscKeyword
//      ^^^^^^^^^^^ slscTypeReference
//                  ^^^^^ slscKeyword
//                        ^^^^^ slscFilterField
//                              ^^ slscComparison
//                                 ^^^ slscNumber
//                                     ^^^ slscOperatorWord
//                                         ^^^^^^^^ slscFilterField
//                                                  ^^ slscOperatorWord
    and (express = true or name prefix "x" ignoring case)
//  ^^^ slscOperatorWord
//       ^^^^^^^ slscFilterField - slscProperty
//                 ^^^^ slscBoolean
//                      ^^ slscOperatorWord
//                         ^^^^ slscFilterField
//                              ^^^^^^ slscOperatorWord
//                                         ^^^^^^^^ slscOperatorWord
//                                                  ^^^^ slscOperatorWord
  send to Q
//^^^^ slscKeyword - slscFilter
//        ^ slscReference
  dead_letter = Dlq after 5 receives
//^^^^^^^^^^^ slscProperty - slscFilter
//                  ^^^^^ slscKeyword
//                          ^^^^^^^^ slscKeyword
}

schedule Nightly cron "0 3 * * ? *" -> Cleanup
//               ^^^^ slscKeyword
//                    ^^^^^^^^^^^^^ slscString
//                                     ^^^^^^^ slscReference
secret DbPassword { name = "prod/db" }
// <------ slscDeclaration
//     ^^^^^^^^^^ slscDeclName
//                  ^^^^ slscProperty
parameter Settings { path = "/shop/" }
// <--------- slscDeclaration
//        ^^^^^^^^ slscDeclName
api Shop rest {
//       ^^^^ slscProtocol
  POST /orders -> Create { responses { 201 = Created }, params { id: string } }
//                         ^^^^^^^^^ slscKeyword
//                                     ^^^ slscNumber
//                                           ^^^^^^^ slscStatusType
//                                                      ^^^^^^ slscBlock
//                                                               ^^ slscField
}
function F { allow "kms:Decrypt" on "arn:aws:kms:eu-west-1:1:key/k", allow = 1 }
//           ^^^^^ slscKeyword
//                               ^^ slscKeyword
//                                                                   ^^^^^ slscProperty
queue Payments of Request { x = 1; }
//             ^^ slscKeyword
//                ^^^^^^^ slscTypeReference
//                               ^ slscError
