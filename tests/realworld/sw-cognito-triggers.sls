// serverless-workflows cognito-triggers: a Cognito user pool signing in by
// email, a web client (code and implicit flows, callback and logout URLs
// from a comma-delimited list parameter), a hosted UI domain, an Admins
// group (with its description and precedence), an admin user (from the
// AdminEmail parameter) in that group, and a PreTokenGeneration trigger
// whose function exists only when AddGroupsToScopes is "true" (a
// deploy-time `condition` and `when`, as in the original: the pool's
// trigger is set under the same condition). Other differences: the admin
// user is not forced to take an alias (the pool signs in by email and has
// none); the pool gets slsc's defaults (passwords of every class of
// character, TOTP MFA offered, deletion protection, retained, with its user
// and membership); nodejs16.x can no longer be used to create functions, so
// the spec uses nodejs22.x; the client name is `Web`. W0216 remains, a
// finding about the original: the pool's name depends on AppName, whose
// length nothing bounds.

app cognito_triggers {
  runtime = "nodejs22.x"
  outputs {
    UserPoolId       = { value = UserPool.id, export = "${AppName}:UserPoolId", description = "User pool ID" }
    UserPoolClientId = { value = UserPool.Web.id, description = "Application client ID" }
    AuthUrl          = { value = UserPool.hosted_ui_url, description = "URL used for authentication" }
  }
  acknowledge {
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "asynchronous failures go to on_failure destinations (Lambda destinations, not the older DeadLetterConfig); the other functions are invoked synchronously or by event source mappings"
    CKV_AWS_117 = "the functions call only AWS APIs, as in the original: there is nothing in a VPC to reach"
  }
}

param AppName string { description = "Name of the application" }
param ClientDomains list { description = "Array of domains allowed to use this UserPool" }
param AdminEmail string { description = "Email address for administrator" }
param AddGroupsToScopes string {
  allowed = ["true", "false"]
  default = "false"
}

condition ScopeGroups = AddGroupsToScopes == "true"

function TriggerFunction {
  when    = ScopeGroups
  handler = "app.lambdaHandler"
  code    = "src"
  timeout = 5s
}

userpool UserPool {
  name            = "${AppName}-UserPool"
  sign_in         = [email]
  password_length = 8
  domain          = "${AppName}-${AWS::AccountId}"
  groups          = [Admins { description = "Admin user group", precedence = 0 }]
  clients {
    Web = {
      flows         = [code, implicit]
      scopes        = [email, openid, profile]
      callback_urls = ClientDomains
      logout_urls   = ClientDomains
    }
  }
  users { admin = { email = AdminEmail, groups = [Admins] } }
  triggers { pre_token_generation = TriggerFunction }
}
