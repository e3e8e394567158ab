// SYNTAX TEST "source.slsc" "what the compiler always rejects is marked invalid"

app shop {
  timeout = 1.5h
//          ^^^^ invalid.illegal.fractional-unit.slsc
  memory = 512mb
//         ^^^^^ invalid.illegal.unit.slsc
  name = "bad \q escape, \u{D800} surrogate, \u{} empty, \u{1234567} too long"
//            ^^ invalid.illegal.escape.slsc
//                       ^^^^^^^^ invalid.illegal.escape.slsc
//                                           ^^^^ invalid.illegal.escape.slsc
//                                                       ^^^^^^^^^^^ invalid.illegal.escape.slsc
  x = 1;
//     ^ invalid.illegal.character.slsc
}
}
// <- invalid.illegal.stray-brace.slsc
api A http {
  GET /a/{bad-name} -> F
//       ^^^^^^^^^^ invalid.illegal.parameter.slsc
}
