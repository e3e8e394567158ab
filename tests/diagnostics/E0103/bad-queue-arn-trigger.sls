// E0103: a function cannot consume a queue outside the stack (its
// visibility timeout and redrive policy are its owner's)
app shop { runtime = "python3.13" }

param JobsArn string { description = "the jobs queue of the platform stack" }

queue Jobs { arn = JobsArn }

function Work {
  handler = "work.handler"
  on Jobs { partial_failures = true }
}
