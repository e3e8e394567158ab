; Highlights for .sls specs. Capture names follow the common tree-sitter set,
; which Neovim, Helix, Zed and the tree-sitter CLI understand.
; When several patterns capture one node, the last one wins (in the
; tree-sitter CLI and Neovim alike): general patterns come first, the
; patterns for particular places after them.

; ------------------------------------------------------------- general

(identifier) @variable

(string) @string

(escape_sequence) @string.escape

[
  (number)
  (status)
  (duration)
  (size)
  (fractional)
  (percent)
  (rate)
] @number

(boolean) @boolean

(comment) @comment

[
  "{"
  "}"
  "["
  "]"
  "("
  ")"
] @punctuation.bracket

[
  ","
  ":"
  "."
] @punctuation.delimiter

[
  "="
  "->"
  "|"
  "?"
] @operator

(comparison_operator) @operator

; ---------------------------------------------------------------- keywords

[
  "app"
  "type"
  "event"
  "function"
  "api"
  "rule"
  "schedule"
  "queue"
  "topic"
  "bus"
  "table"
  "bucket"
  "stream"
  "state_machine"
  "secret"
  "parameter"
  "param"
  "userpool"
  "resource"
  "condition"
  "pipe"
  "schedule_group"
  "layer"
  "stage"
  "alarm"
] @keyword

; `name = X if HasName else "y"`: a property under a deploy-time condition.
[
  "if"
  "else"
] @keyword.conditional

(condition_test
  operator: _ @operator)

"use" @keyword.import

; Access verbs: what a function may touch.
(verb
  verb: _ @keyword)

[
  "to"
  "on"
  "match"
  "where"
  "send"
  "subscribe"
  "from"
  "detail_type"
  "external"
  "of"
  "every"
  "cron"
  "after"
  "receives"
  "receive"
  "allow"
  "responses"
] @keyword

; Operators of `where` filters.
[
  "and"
  "or"
  "not"
  "in"
  "exists"
  "prefix"
  "suffix"
  "matches"
  "cidr"
  "ignoring"
  "case"
] @keyword.operator

(http_method) @keyword

; ------------------------------------------------------- names and places

; `Orders.name`: the attribute after the declaration.
(reference
  "."
  .
  (identifier) @variable.member)

; Words a property takes from a fixed set, written bare.
((reference
  .
  (identifier) @constant.builtin .)
  (#any-of? @constant.builtin
    "arm64" "x86_64" "active" "passthrough" "on_demand" "provisioned" "keys_only" "new_image"
    "old_image" "new_and_old_images" "latest" "trim_horizon" "created" "removed" "none" "iam" "jwt"
    "GET" "POST" "PUT" "PATCH" "DELETE" "HEAD" "OPTIONS" "ANY"))

; The account's default bus, usable without a declaration.
((reference
  .
  (identifier) @variable.builtin)
  (#eq? @variable.builtin "default"))

; Key types of a table: `key = { pk: string }`.
((entry
  value: (reference
    .
    (identifier) @type.builtin .))
  (#any-of? @type.builtin "string" "number" "binary"))

(property
  name: (identifier) @property)

(block
  name: (identifier) @property)

(entry
  name: (identifier) @property)

(tagged
  tag: (identifier) @constructor)

(type_field
  name: [
    (identifier)
    (string)
  ] @variable.member)

(field_path
  [
    (identifier)
    (string)
  ] @variable.member)

(type_identifier) @type

((type_identifier) @type.builtin
  (#any-of? @type.builtin "string" "int" "number" "bool" "binary"))

; Event and message types where they are named.
(match
  event: (reference
    (identifier) @type))

(verb
  events: (reference_list
    (reference
      (identifier) @type)))

(verb
  message: (reference
    (identifier) @type))

(queue_declaration
  message: (reference
    (identifier) @type))

(topic_declaration
  message: (reference
    (identifier) @type))

(use_declaration
  module: (reference
    (identifier) @module))

(use_declaration
  module: (string) @string.special.path)

(route_path) @string.special.path
(default_route) @string.special.path

(path_parameter) @variable.parameter

; ---------------------------------------------------------- declared names

[
  (app_declaration
    name: (identifier) @type)
  (api_declaration
    name: (identifier) @type)
  (rule_declaration
    name: (identifier) @type)
  (schedule_declaration
    name: (identifier) @type)
  (queue_declaration
    name: (identifier) @type)
  (topic_declaration
    name: (identifier) @type)
  (bus_declaration
    name: (identifier) @type)
  (table_declaration
    name: (identifier) @type)
  (bucket_declaration
    name: (identifier) @type)
  (stream_declaration
    name: (identifier) @type)
  (state_machine_declaration
    name: (identifier) @type)
  (userpool_declaration
    name: (identifier) @type)
  (secret_declaration
    name: (identifier) @type)
  (parameter_declaration
    name: (identifier) @type)
  (resource_declaration
    name: (identifier) @type)
  (pipe_declaration
    name: (identifier) @type)
  (schedule_group_declaration
    name: (identifier) @type)
  (layer_declaration
    name: (identifier) @type)
  (stage_declaration
    name: (identifier) @type)
  (alarm_declaration
    name: (identifier) @type)
  (param_declaration
    name: (identifier) @variable.parameter)
  (condition_declaration
    name: (identifier) @constant)
]

[
  (type_declaration
    name: (identifier) @type.definition)
  (event_declaration
    name: (identifier) @type.definition)
]

(function_declaration
  name: (identifier) @function)

; `param Stage string`: the parameter's type word.
(param_declaration
  type: (identifier) @type.builtin)

(api_declaration
  protocol: (identifier) @constant.builtin)
