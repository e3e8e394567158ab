// E0120: `stages` names a stage that is not declared
stage dev
stage prod

queue Audit {
  stages = [staging]
}
