// E0002 fixed: the emoji is written as one code point, `\u{1F389}`.
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
  env { SUBJECT = "Thanks for your order \u{1F389}" }
  on Receipts
}

api Storefront http {
  auth = iam
  POST /checkout -> Checkout
}
