// The event EventBridge sends for a scheduled rule (`detail` is empty).

event ScheduledEvent from "aws.events" detail_type "Scheduled Event" {
}
