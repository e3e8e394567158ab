// The event EventBridge sends when a scheduled rule fires. Its `detail` is
// empty: filter on nothing, match the event itself.

event ScheduledEvent from "aws.events" detail_type "Scheduled Event" {
}
