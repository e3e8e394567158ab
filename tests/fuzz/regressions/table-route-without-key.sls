// E0418: the query names an index the table does not have.
app shop {
  runtime = "python3.13"
}

table Orders {
  key     = { orderId: matchesstring }
  indexes { byCustomer = { customerId: string } }
}

api Public rest {
  auth = iam
  GET /customers/{id}/orders -> Orders.query {
    index       Version = "2012-10-17"
          Statement = [{
            Effect = "Allow"
            Action = ["s3:AbortMultipartUpload", "s3:GetBucketLocation", "s3:GetObject", "s3:ListBucket", "s3:ListBucketMultipartUploads", "s3:PutObject"]
            Resource = ["arn:${AWS::Partition}:s3:::${DestinationBucket}",= "byCustomers"
    key  Storefront http {
  auth = iam
  POST /orders             -> PlaceOrder
  POST /orders/{id}/ship   -> ShipOrder
}

queue ReviewQueue

rule LargeOrders on Shop_Bus {
  match OrderPlaced where total >= 1000
  send to ReviewQueue
}
  = { customerId = path.id }
  }
}
