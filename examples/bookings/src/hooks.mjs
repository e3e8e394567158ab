// The pre-traffic hook of CreateBooking: CodeDeploy invokes it with the ids
// of the deployment and of this lifecycle event; it invokes the new code
// once (`$LATEST`, which the version being deployed was published from: the
// alias still points at the old one) and reports the verdict. A failure rolls the deployment back before
// any guest reaches the new version.
import { CodeDeployClient, PutLifecycleEventHookExecutionStatusCommand } from "@aws-sdk/client-codedeploy";
import { LambdaClient, InvokeCommand } from "@aws-sdk/client-lambda";

const codedeploy = new CodeDeployClient({});
const lambda = new LambdaClient({});

export const smoke = async (event) => {
  let status = "Succeeded";
  try {
    const out = await lambda.send(new InvokeCommand({
      FunctionName: process.env.TARGET_FUNCTION,
      Qualifier: "$LATEST",
      Payload: JSON.stringify({ body: JSON.stringify({ hotelId: "smoke-test", guest: "smoke", nights: 1 }) }),
    }));
    const result = JSON.parse(Buffer.from(out.Payload).toString());
    if (out.FunctionError || result.statusCode !== 201) status = "Failed";
  } catch (err) {
    console.error(err);
    status = "Failed";
  }
  await codedeploy.send(new PutLifecycleEventHookExecutionStatusCommand({
    deploymentId: event.DeploymentId,
    lifecycleEventHookExecutionId: event.LifecycleEventHookExecutionId,
    status,
  }));
};
