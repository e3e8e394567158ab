// SYNTAX TEST "source.slsc" "HTTP routes"

api Storefront http {
  GET  /orders           -> ListOrders
//^^^ keyword.other.http-method.slsc
//     ^^^^^^^ string.unquoted.route-path.slsc
//                       ^^ keyword.operator.arrow.slsc
//                          ^^^^^^^^^^ variable.other.reference.slsc
  GET  /orders/{id}      -> GetOrder
//     ^^^^^^^^ string.unquoted.route-path.slsc
//             ^ punctuation.definition.parameter.begin.slsc
//              ^^ variable.parameter.path.slsc
//                ^ punctuation.definition.parameter.end.slsc
  ANY  /files/{path+}    -> Files
//^^^ keyword.other.http-method.slsc
//             ^^^^ variable.parameter.path.slsc
//                 ^ keyword.operator.greedy.slsc
  POST /v1/a-b_c.d~e     -> Create { auth = none }
//^^^^ keyword.other.http-method.slsc
//     ^^^^^^^^^^^^^ string.unquoted.route-path.slsc
//                                 ^ punctuation.section.block.begin.slsc
//                                   ^^^^ variable.other.property.slsc
  PUT / -> Root
//^^^ keyword.other.http-method.slsc
//    ^ string.unquoted.route-path.slsc
  PATCH /x -> F
//^^^^^ keyword.other.http-method.slsc
  DELETE /x -> F
//^^^^^^ keyword.other.http-method.slsc
  HEAD /x -> F
//^^^^ keyword.other.http-method.slsc
  OPTIONS /x -> F // a route
//^^^^^^^ keyword.other.http-method.slsc
//                ^^^^^^^^^^^ comment.line.double-slash.slsc
}
