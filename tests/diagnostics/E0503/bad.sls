// E0503: `iam:PassRole` lets `StartExport` hand a role to a service, and no reason is given
app shop {
  runtime = "python3.13"
}

queue Exports

function StartExport {
  handler = "exports.start"
  allow "ecs:RunTask" on "arn:aws:ecs:us-east-1:123456789012:task-definition/export:3"
  allow "iam:PassRole" on "arn:aws:iam::123456789012:role/export-task"
  on Exports
}
