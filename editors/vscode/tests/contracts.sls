// SYNTAX TEST "source.slsc" "route contracts and the allow escape hatch"

api Public rest {
//         ^^^^ variable.other.enummember.protocol.slsc
  auth = iam
//       ^^^ variable.other.enummember.option.slsc
  POST /orders -> CreateOrder {
    body = NewOrder
    responses { 201 = OrderCreated, 400 = Problem }
//  ^^^^^^^^^ keyword.other.responses.slsc
//            ^ punctuation.section.block.begin.slsc
//              ^^^ constant.numeric.status.slsc
//                  ^ keyword.operator.assignment.slsc
//                    ^^^^^^^^^^^^ entity.name.type.reference.slsc
//                                ^ punctuation.separator.comma.slsc
//                                                ^ punctuation.section.block.end.slsc
  }
  GET /orders/{id} -> GetOrder {
    params { id: string(min_length = 1) }
//  ^^^^^^ variable.other.property.block.slsc
//           ^^ variable.other.field.slsc
//             ^ punctuation.separator.key-value.slsc
//               ^^^^^^ support.type.primitive.slsc
//                      ^^^^^^^^^^ variable.other.property.constraint.slsc
    query {
//  ^^^^^ variable.other.property.block.slsc
      limit?: int
//    ^^^^^ variable.other.field.slsc
//         ^ keyword.operator.optional.slsc
//            ^^^ support.type.primitive.slsc
    }
    headers { trace: string }
//  ^^^^^^^ variable.other.property.block.slsc
//            ^^^^^ variable.other.field.slsc
  }
}

function Worker {
  allow "ssm:GetParameter" on "arn:aws:ssm:eu-west-1:123456789012:parameter/app/*"
//^^^^^ keyword.other.allow.slsc
//      ^^^^^^^^^^^^^^^^^^ string.quoted.double.slsc
//                         ^^ keyword.other.on.slsc
//                            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ string.quoted.double.slsc
  allow ["kms:Decrypt", "kms:Encrypt"] on ["arn:aws:kms:eu-west-1:123456789012:key/k"]
//^^^^^ keyword.other.allow.slsc
//      ^ punctuation.definition.list.begin.slsc
  allow = 1
//^^^^^ variable.other.property.slsc - keyword
}
