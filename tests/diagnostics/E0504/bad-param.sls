// E0504: a secret parameter passed in the environment: CloudFormation masks
// it, Lambda shows it
app shop { runtime = "python3.13" }

param StripeKey string { secret = true }

function Charge {
  handler = "charge.handler"
  env { PROVIDER_CONFIG = StripeKey }
}
