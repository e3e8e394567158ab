import boto3

codedeploy = boto3.client("codedeploy")


def handler(event, context):
    # Test the new version here, then report the verdict to CodeDeploy.
    codedeploy.put_lifecycle_event_hook_execution_status(
        deploymentId=event["DeploymentId"],
        lifecycleEventHookExecutionId=event["LifecycleEventHookExecutionId"],
        status="Succeeded",
    )
