// E0503 fixed: the grant says why the function must pass this one role.
app shop {
  runtime = "python3.13"
}

queue Exports

function StartExport {
  handler = "exports.start"
  allow "ecs:RunTask" on "arn:aws:ecs:us-east-1:123456789012:task-definition/export:3"
  allow "iam:PassRole" on "arn:aws:iam::123456789012:role/export-task" {
    acknowledge = "ECS runs the export task with this role"
  }
  on Exports
}
