//! Pipes, schedule groups and task tokens end to end: the corpus specs that
//! use them built by the `slsc` binary to both targets (snapshots), and the
//! roles they get.

#[path = "support/common.rs"]
mod common;

use std::process::Command;

fn build(spec: &str, target: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_slsc"))
        .args(["build", spec, "--target", target])
        .current_dir(common::root())
        .env("SLSC_TODAY", "2026-11-23")
        .env("NO_COLOR", "1")
        .output()
        .expect("run slsc");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

const PIPE: &str = "tests/realworld/sp-pipes-sqs-to-sfn.sls";
const GROUP: &str = "tests/realworld/sp-sfn-eventbridge-schedule-python.sls";
const TOKENS: &str = "tests/realworld/sp-s3-event-sfn-lambda-ddb-sns.sls";

#[test]
fn a_pipe_builds_to_both_targets() {
    insta::assert_snapshot!("pipe.sam", build(PIPE, "sam"));
    insta::assert_snapshot!("pipe.cfn", build(PIPE, "cloudformation"));
}

#[test]
fn a_schedule_group_builds_to_both_targets() {
    insta::assert_snapshot!("schedule_group.sam", build(GROUP, "sam"));
    insta::assert_snapshot!("schedule_group.cfn", build(GROUP, "cloudformation"));
}

#[test]
fn the_pipe_role_reads_its_queue_and_starts_its_machine_only() {
    let t = build(PIPE, "cloudformation");
    let role = &t[t.find("SqsToSFNRole:").unwrap()..t.find("  SqsToSFN:").unwrap()];
    for want in [
        "pipes.amazonaws.com",
        "sqs:ReceiveMessage",
        "sqs:DeleteMessage",
        "sqs:GetQueueAttributes",
        "states:StartExecution",
        "kms:Decrypt",
    ] {
        assert!(role.contains(want), "{want} missing from\n{role}");
    }
    assert!(!role.contains("'*'") && !role.contains("- '*'"), "{role}");
}

#[test]
fn schedules_are_created_in_the_group_with_its_role_passed_to_scheduler_only() {
    let t = build(GROUP, "cloudformation");
    assert!(t.contains("schedule/${ScheduleGroup}/*"), "{t}");
    assert!(
        t.contains("iam:PassedToService: scheduler.amazonaws.com"),
        "{t}"
    );
    assert!(t.contains("Type: AWS::Scheduler::ScheduleGroup"), "{t}");
}

#[test]
fn a_jsonpath_target_through_a_pass_state_and_answers_are_exact() {
    let t = build(TOKENS, "cloudformation");
    assert!(t.contains("states:SendTaskSuccess"), "{t}");
    assert!(
        t.contains("stateMachine:update-table"),
        "answers names the machine by its built ARN: {t}"
    );
    assert!(t.contains("Sid: PublishMySnsTopic"), "{t}");
}
