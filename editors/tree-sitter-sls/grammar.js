/**
 * @file Tree-sitter grammar for `.sls` specs, the language of the slsc compiler.
 * @license Apache-2.0
 *
 * The authority is compiler/src/syntax/sls.pest: this grammar follows it rule
 * for rule (the rule names in comments are the pest ones), so a spec the
 * compiler parses never has an ERROR node here. scripts/test-editors.sh checks
 * that on every spec and documentation snippet of the repository, and checks
 * that every keyword of sls.pest appears below.
 *
 * Keywords are contextual, as in pest: `bucket`, `prefix` or `on_failure` are
 * ordinary names wherever a keyword cannot stand (the S3 events of the
 * standard library have a field called `bucket`). Tree-sitter gives this for
 * free as long as no `reserved` word set is declared.
 *
 * To add a keyword, extend the lists below; the TextMate and Vim grammars keep
 * the same lists (see docs/editors.md, "Keeping the grammars in step").
 */

/// <reference types="tree-sitter-cli/dsl" />
// @ts-check

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY'];
const DURATION_UNITS = ['ms', 's', 'm', 'h', 'd'];
const SIZE_UNITS = ['KB', 'MB', 'GB'];
const COMPARISON_OPERATORS = ['!=', '>=', '<=', '=', '>', '<'];
// Conditions of the form `field [not] OP "string" [ignoring case]` (pest:
// prefix_test, suffix_test, wildcard_test, cidr_test), with what each accepts.
const STRING_TESTS = [
  {operator: 'prefix', negatable: true, ignoringCase: true},
  {operator: 'suffix', negatable: true, ignoringCase: true},
  {operator: 'matches', negatable: true, ignoringCase: false},
  {operator: 'cidr', negatable: false, ignoringCase: false},
];
// Access verbs followed directly by names (pest: verb_reads, verb_writes, verb_invokes)...
const PLAIN_VERBS = ['invokes', 'answers'];
// ...those whose names may each carry a key prefix (pest: verb_reads,
// verb_writes, verb_deletes: `reads Uploads prefix "in/"`)...
const SCOPED_VERBS = ['reads', 'writes', 'deletes'];
// ...and those spelled `VERB to NAMES` (pest: verb_sends, verb_publishes).
const TO_VERBS = ['sends', 'publishes'];

// Words that start a member; as names they still make properties and blocks.
const MEMBER_KEYWORDS = [...HTTP_METHODS, ...PLAIN_VERBS, ...SCOPED_VERBS, ...TO_VERBS, 'emits', 'on', 'match',
  'send', 'subscribe', 'responses', 'allow'];

const DIGITS = '[0-9][0-9_]*';
const unitsRegex = (units) => new RegExp(`${DIGITS}(${units.join('|')})`);

module.exports = grammar({
  name: 'sls',

  extras: $ => [/\s/, $.comment],

  word: $ => $.identifier,

  conflicts: $ => [
    // pest: `path_list = path ~ (COMMA ~ !statement_start ~ path)*`. Whether a
    // comma continues the list or separates members depends on what follows
    // the next name (`reads A, B` vs `reads A, b = 1`): GLR keeps both.
    [$.reference_list],
    [$.scoped_list],
    // pest tries `responses { 200 = T }` first and falls back to a block
    // named `responses`; GLR tries both, and prec.dynamic prefers the former.
    [$.responses, $._member_name],
    // `allow { ... }` is a block unless what follows makes it `allow VALUE on VALUE`.
    [$.allow, $._member_name],
  ],

  supertypes: $ => [$._declaration, $._member, $._value, $._type, $._expression],

  rules: {
    source_file: $ => repeat($._declaration),

    _declaration: $ => choice(
      $.use_declaration,
      $.app_declaration,
      $.type_declaration,
      $.event_declaration,
      $.function_declaration,
      $.api_declaration,
      $.rule_declaration,
      $.schedule_declaration,
      $.queue_declaration,
      $.topic_declaration,
      $.bus_declaration,
      $.table_declaration,
      $.bucket_declaration,
      $.stream_declaration,
      $.state_machine_declaration,
      $.secret_declaration,
      $.parameter_declaration,
      $.param_declaration,
      $.userpool_declaration,
      $.resource_declaration,
      $.condition_declaration,
      $.pipe_declaration,
      $.schedule_group_declaration,
      $.layer_declaration,
      $.stage_declaration,
      $.alarm_declaration,
    ),

    // ------------------------------------------------------------ tokens --

    comment: _ => token(seq('//', /[^\n]*/)),

    identifier: _ => /[A-Za-z_][A-Za-z0-9_]*/,

    // pest: path. `Orders.name`, `aws.s3.ObjectCreated`; no space before a dot.
    reference: $ => seq(
      $.identifier,
      repeat(seq(token.immediate('.'), $.identifier)),
    ),

    string: $ => seq(
      '"',
      repeat(choice($.string_content, $.escape_sequence)),
      token.immediate('"'),
    ),
    // prec(1): inside a string, `//` is text, not the start of a comment.
    string_content: _ => token.immediate(prec(1, /[^"\\\n]+/)),
    // Any escape parses; the compiler reports invalid ones (E0002) later.
    escape_sequence: _ => token.immediate(seq('\\', choice(/u\{[^}"\n]*\}/, /[^\n]/))),

    duration: _ => token(unitsRegex(DURATION_UNITS)),
    size: _ => token(unitsRegex(SIZE_UNITS)),
    // pest parses `1.5h` and `0.5GB` so that the compiler can say what to write instead.
    fractional: _ => token(new RegExp(`${DIGITS}\\.${DIGITS}(${[...DURATION_UNITS, ...SIZE_UNITS].join('|')})`)),
    number: _ => token(new RegExp(`-?${DIGITS}(\\.${DIGITS})?`)),
    // `1%`, `0.5%`: a share; `50/s`, `3_000_000/month`: a rate.
    percent: _ => token(new RegExp(`${DIGITS}(\\.${DIGITS})?%`)),
    rate: _ => token(new RegExp(`${DIGITS}(\\.${DIGITS})?/(month|s|m|h|d)`)),
    boolean: _ => choice('true', 'false'),

    // ------------------------------------------------------------ values --

    _value: $ => choice(
      $.redrive,
      $.tagged,
      $.list,
      $.record,
      $.fractional,
      $.percent,
      $.rate,
      $.duration,
      $.size,
      $.number,
      $.string,
      $.boolean,
      $.reference,
    ),

    list: $ => seq('[', optional(seq(commaSep1($._value), optional(','))), ']'),

    // `{ pk: string, sk: string }`: entries separated by commas or line breaks.
    record: $ => seq(
      '{',
      optional(seq($.entry, repeat(seq(optional(','), $.entry)), optional(','))),
      '}',
    ),
    entry: $ => seq(field('name', choice($.identifier, $.string)), choice(':', '='), field('value', $._value)),

    // `jwt { issuer = "..." }`, `provisioned { read = 5 }`.
    // prec: in `allow A on b { ... }` the braces belong to `b`, as pest tries
    // a tagged value before a bare name.
    tagged: $ => prec(1, seq(field('tag', $.identifier), field('body', $.body))),

    // `PaymentsDlq after 5 receives`.
    redrive: $ => seq(
      field('queue', $.reference),
      'after',
      field('count', $._value),
      choice('receives', 'receive'),
    ),

    // ------------------------------------------------------------- types --

    fields: $ => seq('{', repeat(seq($.type_field, optional(','))), '}'),

    // Quoted names carry characters names cannot: `"source-ip-address"?: string`.
    type_field: $ => seq(
      field('name', choice($.identifier, $.string)),
      optional(field('optional', '?')),
      ':',
      field('type', $._type),
    ),

    _type: $ => choice($._plain_type, $.constrained_type),
    _plain_type: $ => choice(
      $.union_type,
      $.list_type,
      $.record_type,
      alias($.identifier, $.type_identifier),
    ),
    // `int(min = 1, max = 99)`, `[Item](min_items = 1)`.
    constrained_type: $ => seq(field('type', $._plain_type), field('constraints', $.constraints)),
    constraints: $ => seq('(', optional(seq(commaSep1($.entry), optional(','))), ')'),
    union_type: $ => seq($.string, repeat(seq('|', $.string))),
    list_type: $ => seq('[', $._type, ']'),
    record_type: $ => seq('{', repeat(seq($.type_field, optional(','))), '}'),

    // ----------------------------------------------------------- members --

    // prec: `name { }` is a block, as in pest, which tries blocks before field blocks.
    body: $ => prec(1, seq('{', repeat(seq($._member, optional(','))), '}')),

    // In pest's order. Where pest's ordered choice picks between two readings
    // of the same text, the precedences and conflicts here pick the same one.
    _member: $ => choice(
      $.route,
      $.responses,
      $.property,
      $.block,
      $.fields_block,
      $.verb,
      $.allow,
      $.trigger,
      $.match,
      $.send,
      $.subscribe,
    ),

    property: $ => seq(
      field('name', $._member_name),
      '=',
      field('value', $._value),
      optional(field('condition', $.property_condition)),
    ),
    // `name = X if HasName else "y"`: set under a deploy-time condition.
    property_condition: $ => seq(
      'if',
      field('condition', $.reference),
      optional(seq('else', field('otherwise', $._value))),
    ),
    block: $ => seq(field('name', $._member_name), field('body', $.body)),
    // `params { id: string }`, `query { limit?: int }`: typed fields of a route.
    fields_block: $ => seq(field('name', $._member_name), field('fields', $.fields)),

    // `responses { 200 = Order, 404 = Problem }`: response types by status.
    responses: $ => prec.dynamic(1, seq('responses', '{', repeat(seq($.response, optional(','))), '}')),
    response: $ => seq(field('status', $.status), '=', field('type', $.reference)),
    status: _ => token(/[0-9]{3}/),

    // `allow "ssm:GetParameter" on "arn:..."`: permissions no verb derives.
    allow: $ => prec.dynamic(-1, seq(
      'allow',
      field('actions', $._value),
      'on',
      field('resources', $._value),
      optional(field('body', $.body)),
    )),
    // pest tries `property` and `block` before statements, so `on = 1` is a
    // property (that the compiler then rejects by name, not as a syntax error).
    _member_name: $ => choice($.identifier, alias(choice(...MEMBER_KEYWORDS), $.identifier)),

    // Access verbs: what a function may touch.
    verb: $ => choice(
      ...PLAIN_VERBS.map(v => seq(field('verb', v), field('targets', $.reference_list))),
      ...SCOPED_VERBS.map(v => seq(field('verb', v), field('targets', $.scoped_list))),
      // `sends to Q`, or `sends Message to Q` to say what it sends.
      ...TO_VERBS.map(v => seq(
        field('verb', v),
        optional(field('message', $.reference)),
        'to',
        field('targets', $.reference_list),
      )),
      seq(field('verb', 'emits'), field('events', $.reference_list), 'to', field('bus', $.reference)),
    ),
    reference_list: $ => seq($.reference, repeat(seq(',', $.reference))),
    scoped_list: $ => seq($.scoped_reference, repeat(seq(',', $.scoped_reference))),
    scoped_reference: $ => seq($.reference, optional(seq('prefix', field('prefix', $.string)))),

    // `on Payments { batch = 10 }`.
    trigger: $ => seq(
      'on',
      field('source', $.reference),
      optional(seq('where', field('filter', $._expression))),
      optional(field('body', $.body)),
    ),

    // `POST /orders/{id} -> CreateOrder { auth = none }`; `$default -> F`;
    // a direct integration: `POST /orders -> send to Orders`,
    // `POST /events -> send OrderPlaced to Shop`, `GET /ip -> "https://..."`.
    route: $ => seq(
      choice(
        seq(field('method', $.http_method), field('path', $.route_path)),
        field('default', $.default_route),
      ),
      '->',
      choice(
        field('target', $.reference),
        seq('send', optional(field('message', $.reference)), 'to', field('target', $.reference)),
        field('url', $.string),
      ),
      optional(field('body', $.body)),
    ),
    http_method: _ => choice(...HTTP_METHODS),
    // An HTTP API's route for requests no other route takes.
    default_route: _ => '$default',
    route_path: $ => seq('/', repeat(choice($._route_text, $.path_parameter))),
    _route_text: _ => token.immediate(/[A-Za-z0-9\-_.~\/]+/),
    // `{id}` takes one segment, `{path+}` the rest of the path.
    path_parameter: _ => token.immediate(/\{[A-Za-z_][A-Za-z0-9_]*\+?\}/),

    // `match OrderPlaced where total > 100`.
    match: $ => seq(
      'match',
      field('event', $.reference),
      optional(seq('where', field('filter', $._expression))),
    ),
    send: $ => seq('send', 'to', field('target', $.reference), optional(field('body', $.body))),
    // `subscribe Audit where version > 1 { dead_letter = Dlq }`.
    subscribe: $ => seq(
      'subscribe',
      field('queue', $.reference),
      optional(seq('where', field('filter', $._expression))),
      optional(field('body', $.body)),
    ),

    // ---------------------------------------------------------- patterns --

    // pest: expr / and_expr / unary, with flat operand lists as in pest;
    // `and` binds tighter than `or`.
    _expression: $ => choice($.or_expression, $._and_operand),
    or_expression: $ => seq($._and_operand, repeat1(seq('or', $._and_operand))),
    _and_operand: $ => choice($.and_expression, $._unary),
    and_expression: $ => seq($._unary, repeat1(seq('and', $._unary))),
    _unary: $ => choice($.parenthesized_expression, $.condition),
    parenthesized_expression: $ => seq('(', $._expression, ')'),

    condition: $ => seq(
      field('field', $.field_path),
      choice(
        seq(
          field('operator', $.comparison_operator),
          field('value', $._value),
          optional($.ignoring_case),
        ),
        seq(optional('not'), field('operator', 'in'), field('value', $.list)),
        seq(optional('not'), field('operator', 'exists')),
        ...STRING_TESTS.map(t => seq(
          ...(t.negatable ? [optional('not')] : []),
          field('operator', t.operator),
          field('value', $.string),
          ...(t.ignoringCase ? [optional($.ignoring_case)] : []),
        )),
      ),
    ),
    comparison_operator: _ => choice(...COMPARISON_OPERATORS),
    // `= "x" ignoring case`: EventBridge's equals-ignore-case.
    ignoring_case: _ => seq('ignoring', 'case'),
    // `object.key`, `object."version-id"`: segments quoted where they need it.
    field_path: $ => seq(
      choice($.identifier, $.string),
      repeat(seq(token.immediate('.'), choice($.identifier, $.string))),
    ),

    // ------------------------------------------------------ declarations --

    use_declaration: $ => seq('use', field('module', choice($.string, $.reference))),

    app_declaration: $ => declaration($, 'app', optional(field('body', $.body))),

    type_declaration: $ => declaration($, 'type', field('fields', $.fields)),

    event_declaration: $ => declaration($, 'event',
      optional(seq('from', field('source', $.string))),
      optional(seq('detail_type', field('detail_type', $.string))),
      // Produced outside this spec, so no `emits` is expected.
      optional(field('external', 'external')),
      field('fields', $.fields),
    ),

    function_declaration: $ => declaration($, 'function', field('body', $.body)),

    api_declaration: $ => declaration($, 'api', field('protocol', $.identifier), field('body', $.body)),

    rule_declaration: $ => declaration($, 'rule', 'on', field('bus', $.reference), field('body', $.body)),

    schedule_declaration: $ => declaration($, 'schedule',
      field('expression', choice($.every, $.cron)),
      '->',
      field('target', $.reference),
      optional(field('body', $.body)),
    ),
    every: $ => seq('every', field('rate', $.duration)),
    cron: $ => seq('cron', field('expression', $.string)),

    // `queue Payments of PaymentRequest`: the type of its messages.
    queue_declaration: $ => declaration($, 'queue', optional($._message_type), optional(field('body', $.body))),
    topic_declaration: $ => declaration($, 'topic', optional($._message_type), optional(field('body', $.body))),
    _message_type: $ => seq('of', field('message', $.reference)),
    bus_declaration: $ => declaration($, 'bus', optional(field('body', $.body))),
    table_declaration: $ => declaration($, 'table', field('body', $.body)),
    bucket_declaration: $ => declaration($, 'bucket', optional(field('body', $.body))),
    // `stream Clicks { shards = 2 }`: a Kinesis data stream.
    stream_declaration: $ => declaration($, 'stream', optional(field('body', $.body))),
    // `userpool Users { sign_in = [email] }`: a Cognito user pool.
    userpool_declaration: $ => declaration($, 'userpool', optional(field('body', $.body))),
    // `secret DbPassword { name = "prod/db" }`: an existing Secrets Manager secret.
    // `state_machine Orders { definition = "orders.asl.json" }`: Step Functions.
    state_machine_declaration: $ => declaration($, 'state_machine', field('body', $.body)),
    secret_declaration: $ => declaration($, 'secret', field('body', $.body)),
    // `parameter Settings { name = "/shop/settings" }`: an SSM parameter (or a path of them).
    parameter_declaration: $ => declaration($, 'parameter', field('body', $.body)),
    // `param Stage string { default = "dev" }`: a template parameter.
    param_declaration: $ => declaration($, 'param', field('type', $.identifier), optional(field('body', $.body))),
    // `condition IsProd = Stage == "prod"`: a deploy-time condition.
    condition_declaration: $ => declaration($, 'condition', '=', field('expression', $._condition_expression)),
    _condition_expression: $ => choice($.condition_or, $._condition_and_operand),
    condition_or: $ => prec.left(seq($._condition_and_operand, repeat1(seq('or', $._condition_and_operand)))),
    _condition_and_operand: $ => choice($.condition_and, $._condition_unary),
    condition_and: $ => prec.left(seq($._condition_unary, repeat1(seq('and', $._condition_unary)))),
    _condition_unary: $ => choice(
      $.condition_not,
      $.condition_parenthesized,
      $.condition_test,
      $.reference,
    ),
    condition_not: $ => seq('not', $._condition_unary),
    condition_parenthesized: $ => seq('(', $._condition_expression, ')'),
    condition_test: $ => prec(1, seq(
      field('left', $._condition_operand),
      choice(
        seq(field('operator', choice('==', '!=', '=')), field('right', $._condition_operand)),
        seq(field('operator', 'in'), field('values', $.list)),
      ),
    )),
    _condition_operand: $ => choice($.string, $.number, $.reference),
    // `resource Cdn "AWS::CloudFront::Distribution" { properties = { ... } }`:
    // a CloudFormation resource written as such.
    resource_declaration: $ => declaration($, 'resource', field('type', $.string), field('body', $.body)),
    // `pipe Big from Orders where total > 100 -> Fulfil { batch = 1 }`: an
    // EventBridge pipe.
    pipe_declaration: $ => declaration($, 'pipe',
      'from',
      field('source', $.reference),
      optional(seq('where', field('filter', $._expression))),
      '->',
      field('target', $.reference),
      optional(field('body', $.body)),
    ),
    // `schedule_group Reminders { targets = [Remind] }`: a Scheduler group.
    schedule_group_declaration: $ => declaration($, 'schedule_group', optional(field('body', $.body))),
    // `layer Shared { code = "layers/shared" }`: a Lambda layer.
    layer_declaration: $ => declaration($, 'layer', field('body', $.body)),
    // `stage prod { account = "111122223333" }`: an environment.
    stage_declaration: $ => declaration($, 'stage', optional(field('body', $.body))),
    // `alarm Errors { metric = Orders.errors, threshold = 1 }`: a CloudWatch alarm.
    alarm_declaration: $ => declaration($, 'alarm', field('body', $.body)),
  },
});

/**
 * `KEYWORD Name ...rest`: every declaration but `use`.
 * @param {GrammarSymbols<string>} $
 * @param {string} keyword
 * @param {RuleOrLiteral[]} rest
 */
function declaration($, keyword, ...rest) {
  return seq(keyword, field('name', $.identifier), ...rest);
}

/** @param {RuleOrLiteral} rule */
function commaSep1(rule) {
  return seq(rule, repeat(seq(',', rule)));
}
