// "AWS API Call via CloudTrail": the events EventBridge receives for API
// calls recorded by CloudTrail. The `source` is the called service, so the
// envelope is declared once per service most often routed; field names are
// CloudTrail's record fields (CloudTrail user guide, "CloudTrail record
// contents"). `requestParameters` and `responseElements` differ per API and
// are not typed here.

type CloudTrailSessionIssuer {
  type?:        string
  principalId?: string
  arn?:         string
  accountId?:   string
  userName?:    string
}

type CloudTrailSessionContext {
  sessionIssuer?: CloudTrailSessionIssuer
}

type CloudTrailUserIdentity {
  type:            "Root" | "IAMUser" | "AssumedRole" | "FederatedUser" | "Directory" | "AWSAccount" | "AWSService" | "IdentityCenterUser" | "Unknown"
  principalId?:    string
  arn?:            string
  accountId?:      string
  accessKeyId?:    string
  userName?:       string
  invokedBy?:      string
  sessionContext?: CloudTrailSessionContext
}

event S3ApiCall from "aws.s3" detail_type "AWS API Call via CloudTrail" {
  eventVersion:       string
  userIdentity:       CloudTrailUserIdentity
  eventTime:          timestamp
  eventSource:        string
  eventName:          string
  awsRegion:          string
  sourceIPAddress:    string
  userAgent?:         string
  errorCode?:         string
  errorMessage?:      string
  requestID:          string
  eventID:            string
  readOnly?:          bool
  eventType:          "AwsApiCall" | "AwsServiceEvent" | "AwsConsoleAction" | "AwsConsoleSignIn"
  managementEvent?:   bool
  recipientAccountId: string
  eventCategory:      "Management" | "Data" | "Insight" | "NetworkActivity"
}

event IamApiCall from "aws.iam" detail_type "AWS API Call via CloudTrail" {
  eventVersion:       string
  userIdentity:       CloudTrailUserIdentity
  eventTime:          timestamp
  eventSource:        string
  eventName:          string
  awsRegion:          string
  sourceIPAddress:    string
  userAgent?:         string
  errorCode?:         string
  errorMessage?:      string
  requestID:          string
  eventID:            string
  readOnly?:          bool
  eventType:          "AwsApiCall" | "AwsServiceEvent" | "AwsConsoleAction" | "AwsConsoleSignIn"
  managementEvent?:   bool
  recipientAccountId: string
  eventCategory:      "Management" | "Data" | "Insight" | "NetworkActivity"
}

event Ec2ApiCall from "aws.ec2" detail_type "AWS API Call via CloudTrail" {
  eventVersion:       string
  userIdentity:       CloudTrailUserIdentity
  eventTime:          timestamp
  eventSource:        string
  eventName:          string
  awsRegion:          string
  sourceIPAddress:    string
  userAgent?:         string
  errorCode?:         string
  errorMessage?:      string
  requestID:          string
  eventID:            string
  readOnly?:          bool
  eventType:          "AwsApiCall" | "AwsServiceEvent" | "AwsConsoleAction" | "AwsConsoleSignIn"
  managementEvent?:   bool
  recipientAccountId: string
  eventCategory:      "Management" | "Data" | "Insight" | "NetworkActivity"
}
