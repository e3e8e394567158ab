// E0002: an emoji is escaped as a UTF-16 surrogate pair, which is not a Unicode character
app shop {
  runtime = "python3.13"
}

queue Receipts {
  visibility_timeout = 60s
}

function Checkout {
  handler = "checkout.handler"
  env { RECEIPTS_URL = Receipts.url }
  sends to Receipts
}

function SendReceipt {
  handler = "receipts.send"
  timeout = 10s
  env { SUBJECT = "Thanks for your order \u{D83C}\u{DF89}" }
  on Receipts
}

api Storefront http {
  auth = iam
  POST /checkout -> Checkout
}
