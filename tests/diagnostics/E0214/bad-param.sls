// E0214: one of the stage's allowed values makes an invalid bucket name
app media { runtime = "python3.13" }

param Stage string {
  default = "dev"
  allowed = ["dev", "Prod"]
}

bucket Uploads { name = "media-${Stage}-uploads" }

function Resize {
  handler = "resize.handler"
  on Uploads { suffix = ".png" }
  on_failure = Failures
}

queue Failures { retention = 14d }
