#!/usr/bin/env node
// Writes sls.tmLanguage.json next to this file. The grammar is kept as a
// program so that each keyword list is written once and regexes need one
// level of escaping, not two; scripts/test-editors.sh fails when the JSON is
// not what this file produces, so edit here and run `node build-grammar.js`.
//
// The authority for the language is compiler/src/syntax/sls.pest.
// TextMate sees one line at a time, so where the compiler decides by what
// comes next (does a `where` filter go on past the end of the line?) the
// regions below end on what can only start something else: a member, a
// closing brace, or a declaration keyword in the first column (the place
// where the compiler resumes after a syntax error).
'use strict';

const fs = require('fs');
const path = require('path');

// ------------------------------------------------------------- word lists --

const DECLARATIONS = ['app', 'type', 'event', 'function', 'api', 'rule', 'schedule',
  'queue', 'topic', 'bus', 'table', 'bucket', 'stream', 'state_machine', 'secret', 'parameter', 'param', 'userpool',
  'resource', 'pipe', 'schedule_group', 'layer', 'stage', 'alarm', 'condition'];
const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY'];
// `invokes F`.
const PLAIN_VERBS = ['invokes', 'answers'];
// `reads A`, `writes A`, `deletes B prefix "tmp/"`: each name may carry a key prefix.
const SCOPED_VERBS = ['reads', 'writes', 'deletes'];
// `sends [Message] to Q`, `publishes [Message] to T`.
const TO_VERBS = ['sends', 'publishes'];
const VERBS = [...PLAIN_VERBS, ...SCOPED_VERBS, ...TO_VERBS, 'emits'];
const PATTERN_WORDS = ['in', 'exists', 'prefix', 'suffix', 'matches', 'cidr'];
const LOGICAL_WORDS = ['and', 'or', 'not'];
const DURATION_UNITS = ['ms', 's', 'm', 'h', 'd'];
const SIZE_UNITS = ['KB', 'MB', 'GB'];
// Words that properties take from a fixed set (the compiler's expect_word
// calls). A name not listed here is shown as a reference, which is what an
// unknown word is to the compiler too.
const OPTION_WORDS = ['arm64', 'x86_64', 'active', 'passthrough', 'on_demand', 'provisioned',
  'keys_only', 'new_image', 'old_image', 'new_and_old_images', 'latest', 'trim_horizon',
  'created', 'removed', 'none', 'iam', 'jwt', 'http', 'rest'];
// Blocks of a route whose members are typed fields (`params { id: string }`).
// Any other block whose first field is on its opening line is one too.
const FIELD_BLOCKS = ['params', 'query'];
const PRIMITIVE_TYPES = ['string', 'int', 'number', 'bool', 'binary'];
// The account's default bus: usable as a name without being declared.
const BUILTIN_NAMES = ['default'];

// ---------------------------------------------------------------- helpers --

const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const REF = `${NAME}(?:\\.${NAME})*`;
const DIGITS = '[0-9][0-9_]*';
const words = (list) => `\\b(?:${list.join('|')})\\b`;
// Statement starts end a verb's name list early (pest: statement_start).
const STATEMENT_START = `(?=${words([...VERBS, 'on'])})|(?=\\b${NAME}\\s*(?:=(?!=)|\\{))`;
// The compiler resumes after a syntax error at a declaration keyword in the
// first column; so do open regions, so that one missing brace does not
// colour the rest of the file.
const RECOVER = `(?=^(?:${DECLARATIONS.join('|')}|use)\\b)`;

const SCOPE = 'slsc';
const s = (name) => `${name}.${SCOPE}`;

// Captures a reference such as `Orders.name` (or, with 'type', a type or
// event name) by tokenizing it with the repository rule of the same name.
const referenceCaptures = (kind = 'value') => ({
  patterns: [{ include: kind === 'type' ? '#type-reference' : '#reference' }],
});

// ---------------------------------------------------------------- grammar --

const repository = {
  comments: {
    patterns: [{
      name: s('comment.line.double-slash'),
      match: '(//).*$',
      captures: { 1: { name: s('punctuation.definition.comment') } },
    }],
  },

  // ---- values --------------------------------------------------------------

  string: {
    name: s('string.quoted.double'),
    begin: '"',
    beginCaptures: { 0: { name: s('punctuation.definition.string.begin') } },
    // Strings may not span lines: an unclosed one stops at the end of its line.
    end: '(")|$',
    endCaptures: { 1: { name: s('punctuation.definition.string.end') } },
    patterns: [{ include: '#escape' }],
  },
  escape: {
    patterns: [
      {
        // \u{...}: 1 to 6 hex digits, at most 10FFFF, not a surrogate (else E0002).
        name: s('constant.character.escape'),
        match: '\\\\(?:["\\\\/ntr]|u\\{(?!0{0,2}[Dd][89A-Fa-f][0-9A-Fa-f]{2}\\})(?:[0-9A-Fa-f]{1,5}|0[0-9A-Fa-f]{5}|10[0-9A-Fa-f]{4})\\})',
      },
      {
        name: s('invalid.illegal.escape'),
        match: '\\\\(?:u\\{[^}"]*\\}?|.?)',
      },
    ],
  },
  duration: {
    name: s('constant.numeric.duration'),
    match: `\\b(${DIGITS})(${DURATION_UNITS.join('|')})\\b`,
    captures: { 2: { name: s('keyword.other.unit.duration') } },
  },
  size: {
    name: s('constant.numeric.size'),
    match: `\\b(${DIGITS})(${SIZE_UNITS.join('|')})\\b`,
    captures: { 2: { name: s('keyword.other.unit.size') } },
  },
  number: {
    patterns: [
      {
        // `1.5h`, `0.5GB`: parsed, but always an error (E0201: write `90m`).
        name: s('invalid.illegal.fractional-unit'),
        match: `\\b${DIGITS}\\.${DIGITS}(?:${[...DURATION_UNITS, ...SIZE_UNITS].join('|')})\\b`,
      },
      {
        // `1%`, `0.5%`: a share.
        name: s('constant.numeric.percent'),
        match: `\\b(${DIGITS}(?:\\.${DIGITS})?)(%)`,
        captures: { 2: { name: s('keyword.other.unit.percent') } },
      },
      {
        // `50/s`, `3_000_000/month`: a rate.
        name: s('constant.numeric.rate'),
        match: `\\b(${DIGITS}(?:\\.${DIGITS})?)(/(?:month|s|m|h|d))\\b`,
        captures: { 2: { name: s('keyword.other.unit.rate') } },
      },
      { include: '#duration' },
      { include: '#size' },
      {
        // `512mb`, `30sec`, `10x`: a number glued to a word is a syntax error.
        name: s('invalid.illegal.unit'),
        match: `(?<![A-Za-z0-9_.])-?${DIGITS}+(?:\\.${DIGITS}+)?[A-Za-z_][A-Za-z0-9_]*`,
      },
      {
        name: s('constant.numeric.decimal'),
        match: `(?<![A-Za-z0-9_.])-?${DIGITS}\\.${DIGITS}\\b`,
      },
      {
        name: s('constant.numeric.integer'),
        match: `(?<![A-Za-z0-9_.])-?${DIGITS}\\b`,
      },
    ],
  },
  boolean: {
    name: s('constant.language.boolean'),
    match: '\\b(?:true|false)\\b(?!\\.)',
  },
  // A name or dotted reference: `Failures`, `Orders.name`, `aws.s3.ObjectCreated`.
  reference: {
    patterns: [
      { name: s('variable.language.default-bus'), match: `(?<!\\.)${words(BUILTIN_NAMES)}` },
      { name: s('variable.other.reference'), match: `(?<![.A-Za-z0-9_])${NAME}` },
      { include: '#member' },
    ],
  },
  'type-reference': {
    patterns: [
      { name: s('entity.name.type.reference'), match: `(?<![.A-Za-z0-9_])${NAME}` },
      {
        match: `(\\.)(${NAME})`,
        captures: {
          1: { name: s('punctuation.accessor') },
          2: { name: s('entity.name.type.reference') },
        },
      },
    ],
  },
  member: {
    match: `(\\.)(${NAME})`,
    captures: {
      1: { name: s('punctuation.accessor') },
      2: { name: s('variable.other.member') },
    },
  },
  'word-value': {
    patterns: [
      { include: '#boolean' },
      { name: s('variable.other.enummember.http-method'), match: `(?<!\\.)${words(HTTP_METHODS)}(?!\\.)` },
      { name: s('support.type.primitive'), match: `(?<!\\.)${words(PRIMITIVE_TYPES)}(?!\\.)` },
      { name: s('variable.other.enummember.option'), match: `(?<!\\.)${words(OPTION_WORDS)}(?!\\.)` },
      { include: '#reference' },
    ],
  },
  // `PaymentsDlq after 5 receives`.
  redrive: {
    patterns: [
      { name: s('keyword.other.after'), match: '\\bafter\\b' },
      { name: s('keyword.other.receives'), match: '\\b(?:receives|receive)\\b' },
    ],
  },
  list: {
    name: s('meta.list'),
    begin: '\\[',
    beginCaptures: { 0: { name: s('punctuation.definition.list.begin') } },
    end: '\\]',
    endCaptures: { 0: { name: s('punctuation.definition.list.end') } },
    patterns: [
      { include: '#comments' },
      { include: '#value' },
      { include: '#comma' },
      { include: '#record' },
    ],
  },
  // `{ pk: string, sk = "x" }` after `=` or `:`: entries, not members.
  record: {
    name: s('meta.record'),
    begin: '(?<=[=:])\\s*(\\{)',
    beginCaptures: { 1: { name: s('punctuation.section.record.begin') } },
    end: `\\}|${RECOVER}`,
    endCaptures: { 0: { name: s('punctuation.section.record.end') } },
    patterns: [
      { include: '#comments' },
      {
        match: `\\b(${NAME})\\s*([:=])`,
        captures: {
          1: { name: s('variable.other.property.entry') },
          2: { name: s('punctuation.separator.key-value') },
        },
      },
      { include: '#record' },
      { include: '#value' },
      { include: '#comma' },
      { include: '#illegal' },
    ],
  },
  value: {
    patterns: [
      { include: '#string' },
      { include: '#number' },
      { include: '#list' },
      { include: '#redrive' },
      { include: '#word-value' },
    ],
  },
  comma: { name: s('punctuation.separator.comma'), match: ',' },
  // Characters that have no place outside strings and comments.
  illegal: { name: s('invalid.illegal.character'), match: "[;@#$%^&*'`\\\\]" },

  // ---- members -------------------------------------------------------------

  body: {
    name: s('meta.body'),
    begin: '\\{',
    beginCaptures: { 0: { name: s('punctuation.section.block.begin') } },
    end: `\\}|${RECOVER}`,
    endCaptures: { 0: { name: s('punctuation.section.block.end') } },
    patterns: [{ include: '#members' }],
  },
  members: {
    patterns: [
      { include: '#comments' },
      { include: '#route' },
      { include: '#responses' },
      { include: '#field-block' },
      { include: '#verbs' },
      { include: '#statements' },
      { include: '#where' },
      // `name = X if HasName else "y"`: a property under a deploy-time condition.
      { name: s('keyword.control.conditional'), match: words(['if', 'else']) },
      {
        // `name = value`, and `name = tag { ... }` for a tagged block value.
        match: `\\b(${NAME})\\s*(=)(?!=)(?:\\s*(${NAME})(?=\\s*\\{))?`,
        captures: {
          1: { name: s('variable.other.property') },
          2: { name: s('keyword.operator.assignment') },
          3: { name: s('entity.name.tag') },
        },
      },
      {
        // `env { ... }`, `retry { ... }`.
        match: `\\b(${NAME})(?=\\s*\\{)`,
        captures: { 1: { name: s('variable.other.property.block') } },
      },
      { include: '#record' },
      { include: '#body' },
      { include: '#value' },
      { include: '#comma' },
      { include: '#field' },
      { include: '#illegal' },
    ],
  },
  // `responses { 200 = Order, 404 = Problem }`.
  responses: {
    name: s('meta.responses'),
    begin: '\\b(responses)\\s*(\\{)',
    beginCaptures: {
      1: { name: s('keyword.other.responses') },
      2: { name: s('punctuation.section.block.begin') },
    },
    end: `\\}|${RECOVER}`,
    endCaptures: { 0: { name: s('punctuation.section.block.end') } },
    patterns: [
      { include: '#comments' },
      {
        match: `\\b([0-9]{3})\\s*(=)(?:\\s*(${REF}))?`,
        captures: {
          1: { name: s('constant.numeric.status') },
          2: { name: s('keyword.operator.assignment') },
          3: referenceCaptures('type'),
        },
      },
      { include: '#comma' },
      { include: '#illegal' },
    ],
  },
  // `params { id: string }`: a block of typed fields.
  'field-block': {
    name: s('meta.fields'),
    begin: `\\b(?:(${FIELD_BLOCKS.join('|')})|(${NAME})(?=\\s*\\{\\s*(?:${NAME}|"[^"]*")\\s*\\??\\s*:))\\s*(\\{)`,
    beginCaptures: {
      1: { name: s('variable.other.property.block') },
      2: { name: s('variable.other.property.block') },
      3: { name: s('punctuation.section.block.begin') },
    },
    end: `\\}|${RECOVER}`,
    endCaptures: { 0: { name: s('punctuation.section.block.end') } },
    patterns: [{ include: '#field-members' }],
  },
  // `POST /orders/{id} -> CreateOrder`.
  route: {
    patterns: [
      {
        name: s('keyword.other.http-method'),
        match: `(?<!\\.)${words(HTTP_METHODS)}(?=\\s*/)`,
      },
      // `$default -> F`: an HTTP API's route for what no other route takes.
      { name: s('string.unquoted.route-path'), match: '(?<![\\w$])\\$default\\b(?=\\s*->)' },
      {
        name: s('string.unquoted.route-path'),
        begin: '(?<![A-Za-z0-9_])/(?!/)',
        end: '(?![A-Za-z0-9\\-_.~/{])',
        patterns: [
          {
            match: `(\\{)(${NAME})(\\+)?(\\})`,
            captures: {
              1: { name: s('punctuation.definition.parameter.begin') },
              2: { name: s('variable.parameter.path') },
              3: { name: s('keyword.operator.greedy') },
              4: { name: s('punctuation.definition.parameter.end') },
            },
          },
          { name: s('invalid.illegal.parameter'), match: '\\{[^}\\s]*\\}?' },
        ],
      },
      // `-> send to Orders`, `-> send OrderPlaced to Shop`: a direct integration.
      {
        match: `(->)\\s*(send)\\b(?:\\s+(?!to\\b)(${REF}))?\\s+(to)\\b(?:\\s+(${REF}))?`,
        captures: {
          1: { name: s('keyword.operator.arrow') },
          2: { name: s('keyword.other.send') },
          3: referenceCaptures(),
          4: { name: s('keyword.other.to') },
          5: referenceCaptures(),
        },
      },
      { include: '#arrow' },
    ],
  },
  arrow: {
    match: `(->)(?:\\s*(${REF}))?`,
    captures: {
      1: { name: s('keyword.operator.arrow') },
      2: referenceCaptures(),
    },
  },
  verbs: {
    patterns: [
      {
        begin: `\\b(${PLAIN_VERBS.join('|')})\\b`,
        beginCaptures: { 1: { name: s('keyword.other.verb.$1') } },
        end: `(?<=[A-Za-z0-9_])(?!\\s*[,.A-Za-z0-9_])|${STATEMENT_START}|(?=[}\\]])`,
        patterns: [{ include: '#name-list' }],
      },
      {
        begin: `\\b(${SCOPED_VERBS.join('|')})\\b`,
        beginCaptures: { 1: { name: s('keyword.other.verb.$1') } },
        // As above, and a prefix string ends the list unless a comma follows.
        end: `(?<=[A-Za-z0-9_"])(?!\\s*[,.A-Za-z0-9_])|${STATEMENT_START}|(?=[}\\]])`,
        patterns: [
          { name: s('keyword.other.prefix'), match: '\\bprefix\\b' },
          { include: '#string' },
          { include: '#name-list' },
        ],
      },
      {
        // The optional message type before `to` says what is sent.
        begin: `\\b(${TO_VERBS.join('|')})\\b(?:\\s+(?!to\\b)(${REF})(?=\\s+to\\b))?`,
        beginCaptures: {
          1: { name: s('keyword.other.verb.$1') },
          2: referenceCaptures('type'),
        },
        end: `(?<=[A-Za-z0-9_])(?!\\s*[,.A-Za-z0-9_])|${STATEMENT_START}|(?=[}\\]])`,
        patterns: [
          { name: s('keyword.other.to'), match: '\\bto\\b' },
          { include: '#name-list' },
        ],
      },
      {
        // `emits A, B to Bus`: events, then the bus.
        begin: '\\b(emits)\\b',
        beginCaptures: { 1: { name: s('keyword.other.verb.emits') } },
        end: `(?<=[A-Za-z0-9_])(?!\\s*[,.A-Za-z0-9_])|${STATEMENT_START}|(?=[}\\]])`,
        patterns: [
          {
            match: `\\b(to)\\b(?:\\s+(${REF}))?`,
            captures: {
              1: { name: s('keyword.other.to') },
              2: referenceCaptures(),
            },
          },
          { include: '#comments' },
          { include: '#comma' },
          { include: '#type-reference' },
        ],
      },
    ],
  },
  'name-list': {
    patterns: [
      { include: '#comments' },
      { include: '#comma' },
      { include: '#reference' },
    ],
  },
  statements: {
    patterns: [
      // `allow "ssm:GetParameter" on "arn:..."`: permissions no verb derives.
      { name: s('keyword.other.allow'), match: '\\ballow\\b(?!\\s*[={])' },
      {
        // `on Payments`: a trigger.
        match: `\\b(on)\\b(?:\\s+(${REF}))?`,
        captures: {
          1: { name: s('keyword.other.on') },
          2: referenceCaptures(),
        },
      },
      {
        match: `\\b(match)\\b(?:\\s+(${REF}))?`,
        captures: {
          1: { name: s('keyword.other.match') },
          2: referenceCaptures('type'),
        },
      },
      {
        match: `\\b(send)\\s+(to)\\b(?:\\s+(${REF}))?`,
        captures: {
          1: { name: s('keyword.other.send') },
          2: { name: s('keyword.other.to') },
          3: referenceCaptures(),
        },
      },
      {
        match: `\\b(subscribe)\\b(?:\\s+(${REF}))?`,
        captures: {
          1: { name: s('keyword.other.subscribe') },
          2: referenceCaptures(),
        },
      },
    ],
  },

  // ---- patterns --------------------------------------------------------------

  // `where total >= 100 and (currency in ["USD"] or express = true)`. A filter
  // may go on over several lines; it ends where a member starts.
  where: {
    name: s('meta.filter'),
    begin: '\\b(where)\\b',
    beginCaptures: { 1: { name: s('keyword.other.where') } },
    end: `(?=[{},])|(?=\\b(?:send|match|subscribe|${VERBS.join('|')}|on)\\b)|(?=^\\s*${NAME}\\s*(?:=(?!=)|\\{))|${RECOVER}`,
    patterns: [{ include: '#filter' }],
  },
  filter: {
    patterns: [
      { include: '#comments' },
      {
        begin: '\\(',
        beginCaptures: { 0: { name: s('punctuation.section.parens.begin') } },
        end: '\\)',
        endCaptures: { 0: { name: s('punctuation.section.parens.end') } },
        patterns: [{ include: '#filter' }],
      },
      { name: s('keyword.operator.wordlike.logical'), match: words(LOGICAL_WORDS) },
      {
        match: '\\b(ignoring)\\s+(case)\\b',
        captures: {
          1: { name: s('keyword.operator.wordlike.pattern.ignoring') },
          2: { name: s('keyword.operator.wordlike.pattern.case') },
        },
      },
      { name: s('keyword.operator.wordlike.pattern'), match: words(PATTERN_WORDS) },
      {
        // The value after an operator is a value, not a field.
        match: `(!=|>=|<=|=|>|<)(?:\\s*(?:(true|false)\\b|(${REF})))?`,
        captures: {
          1: { name: s('keyword.operator.comparison') },
          2: { name: s('constant.language.boolean') },
          3: referenceCaptures(),
        },
      },
      { include: '#string' },
      { include: '#number' },
      { include: '#list' },
      {
        // A field path: `object.key`, `object."version-id"`.
        match: `(?<![.A-Za-z0-9_])${NAME}`,
        name: s('variable.other.field'),
      },
      {
        match: `(\\.)(${NAME})`,
        captures: {
          1: { name: s('punctuation.accessor') },
          2: { name: s('variable.other.field') },
        },
      },
      { name: s('punctuation.accessor'), match: '\\.(?=")' },
      { include: '#illegal' },
    ],
  },

  // ---- types -----------------------------------------------------------------

  // The fields of a `type` or `event`, and inline record types.
  fields: {
    name: s('meta.fields'),
    begin: '\\{',
    beginCaptures: { 0: { name: s('punctuation.section.block.begin') } },
    end: `\\}|${RECOVER}`,
    endCaptures: { 0: { name: s('punctuation.section.block.end') } },
    patterns: [{ include: '#field-members' }],
  },
  'field-members': {
    patterns: [
      { include: '#comments' },
      { include: '#field' },
      { include: '#type' },
      { include: '#comma' },
      { include: '#illegal' },
    ],
  },
  field: {
    // `orderId: string`, `express?: bool`, `"source-ip-address"?: string`.
    match: `(?:\\b(${NAME})|("(?:[^"\\\\]|\\\\.)*"))\\s*(\\?)?\\s*(:)`,
    captures: {
      1: { name: s('variable.other.field') },
      2: { name: s('string.quoted.double.field-name'), patterns: [{ include: '#escape' }] },
      3: { name: s('keyword.operator.optional') },
      4: { name: s('punctuation.separator.key-value') },
    },
  },
  type: {
    patterns: [
      { include: '#comments' },
      { name: s('support.type.primitive'), match: words(PRIMITIVE_TYPES) },
      { include: '#string' },
      { name: s('keyword.operator.union'), match: '\\|' },
      {
        begin: '\\[',
        beginCaptures: { 0: { name: s('punctuation.definition.list.begin') } },
        end: '\\]',
        endCaptures: { 0: { name: s('punctuation.definition.list.end') } },
        patterns: [{ include: '#type' }],
      },
      { include: '#fields' },
      {
        // `int(min = 1, max = 99)`: constraints on a type.
        name: s('meta.constraints'),
        begin: '\\(',
        beginCaptures: { 0: { name: s('punctuation.section.parens.begin') } },
        end: '\\)',
        endCaptures: { 0: { name: s('punctuation.section.parens.end') } },
        patterns: [
          { include: '#comments' },
          {
            match: `\\b(${NAME})\\s*([=:])`,
            captures: {
              1: { name: s('variable.other.property.constraint') },
              2: { name: s('keyword.operator.assignment') },
            },
          },
          { include: '#value' },
          { include: '#comma' },
        ],
      },
      { include: '#type-reference' },
    ],
  },

  // ---- declarations ----------------------------------------------------------

  use: {
    match: `\\b(use)\\b(?:\\s+(?:("(?:[^"\\\\]|\\\\.)*"?)|(${REF})))?`,
    captures: {
      1: { name: s('keyword.control.import') },
      2: { patterns: [{ include: '#string' }] },
      3: { name: s('entity.name.namespace.module') },
    },
  },
  'stray-brace': { name: s('invalid.illegal.stray-brace'), match: '[}\\])]' },
};

// A declaration: `KEYWORD Name <header> { body }`. It ends after its body,
// or, for declarations whose body is optional, at the next declaration.
function declaration(keyword, nameScope, header, bodyRule) {
  return {
    name: s(`meta.declaration.${keyword}`),
    begin: `\\b(${keyword})\\b(?:\\s+(${NAME}))?`,
    beginCaptures: {
      1: { name: s(`storage.type.${keyword}`) },
      2: { name: s(nameScope) },
    },
    end: `(?<=\\})|(?=\\b(?:${DECLARATIONS.join('|')}|use)\\b)`,
    patterns: [
      { include: '#comments' },
      ...header,
      { include: bodyRule },
      { include: '#illegal' },
    ],
  };
}

const kw = (word) => ({ name: s(`keyword.other.${word}`), match: `\\b${word}\\b` });
const ofType = {
  // `queue Payments of PaymentRequest`.
  match: `\\b(of)\\b(?:\\s+(${REF}))?`,
  captures: { 1: { name: s('keyword.other.of') }, 2: referenceCaptures('type') },
};

const declarations = {
  app: declaration('app', 'entity.name.type.app', [], '#body'),
  type: declaration('type', 'entity.name.type.record', [], '#fields'),
  event: declaration('event', 'entity.name.type.event',
    [kw('from'), kw('detail_type'), kw('external'), { include: '#string' }], '#fields'),
  function: declaration('function', 'entity.name.function', [], '#body'),
  api: declaration('api', 'entity.name.type.api',
    [{ name: s('variable.other.enummember.protocol'), match: `\\b${NAME}\\b` }], '#body'),
  rule: declaration('rule', 'entity.name.type.rule', [{
    match: `\\b(on)\\b(?:\\s+(${REF}))?`,
    captures: { 1: { name: s('keyword.other.on') }, 2: referenceCaptures() },
  }], '#body'),
  schedule: declaration('schedule', 'entity.name.type.schedule',
    [kw('every'), kw('cron'), { include: '#duration' }, { include: '#string' }, { include: '#arrow' }],
    '#body'),
  queue: declaration('queue', 'entity.name.type.queue', [ofType], '#body'),
  topic: declaration('topic', 'entity.name.type.topic', [ofType], '#body'),
  bus: declaration('bus', 'entity.name.type.bus', [], '#body'),
  table: declaration('table', 'entity.name.type.table', [], '#body'),
  bucket: declaration('bucket', 'entity.name.type.bucket', [], '#body'),
  stream: declaration('stream', 'entity.name.type.stream', [], '#body'),
  state_machine: declaration('state_machine', 'entity.name.type.state-machine', [], '#body'),
  userpool: declaration('userpool', 'entity.name.type.userpool', [], '#body'),
  secret: declaration('secret', 'entity.name.type.secret', [], '#body'),
  parameter: declaration('parameter', 'entity.name.type.parameter', [], '#body'),
  // `param Stage string { ... }`: the type word follows the name.
  param: declaration('param', 'entity.name.type.param', [{ include: '#type' }], '#body'),
  // `resource Cdn "AWS::CloudFront::Distribution" { ... }`: the type string follows the name.
  resource: declaration('resource', 'entity.name.type.resource', [{ include: '#string' }], '#body'),
  // `condition IsProd = Stage == "prod" and not Legacy`: no body; it ends
  // at the next declaration.
  condition: declaration('condition', 'entity.name.type.condition', [
    { name: s('keyword.operator.comparison'), match: '==|!=' },
    { name: s('keyword.operator.assignment'), match: '=' },
    { name: s('keyword.operator.logical'), match: words(['and', 'or', 'not', 'in']) },
    { include: '#value' },
  ], '#comments'),
  // `pipe Big from Orders where total > 100 -> Fulfil { ... }`: the filter
  // ends at the arrow.
  pipe: declaration('pipe', 'entity.name.type.pipe', [
    {
      match: `\\b(from)\\b(?:\\s+(${REF}))?`,
      captures: { 1: { name: s('keyword.other.from') }, 2: referenceCaptures() },
    },
    {
      name: s('meta.filter'),
      begin: '\\b(where)\\b',
      beginCaptures: { 1: { name: s('keyword.other.where') } },
      end: '(?=->)|(?=[{}])',
      patterns: [{ include: '#filter' }],
    },
    { include: '#arrow' },
    { include: '#reference' },
  ], '#body'),
  schedule_group: declaration('schedule_group', 'entity.name.type.schedule-group', [], '#body'),
  layer: declaration('layer', 'entity.name.type.layer', [], '#body'),
  stage: declaration('stage', 'entity.name.type.stage', [], '#body'),
  alarm: declaration('alarm', 'entity.name.type.alarm', [], '#body'),
};
for (const [k, v] of Object.entries(declarations)) repository[`declaration-${k}`] = v;

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'slsc spec',
  scopeName: `source.${SCOPE}`,
  comment: 'Generated by build-grammar.js from its word lists; edit that file, not this one.',
  patterns: [
    { include: '#comments' },
    { include: '#use' },
    ...DECLARATIONS.map(d => ({ include: `#declaration-${d}` })),
    { include: '#stray-brace' },
    { include: '#illegal' },
  ],
  repository,
};

const out = path.join(__dirname, 'sls.tmLanguage.json');
const text = `${JSON.stringify(grammar, null, 2)}\n`;
if (process.argv.includes('--check')) {
  const current = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
  if (current !== text) {
    console.error(`${out} is stale: run node ${path.relative(process.cwd(), __filename)}`);
    process.exit(1);
  }
} else {
  fs.writeFileSync(out, text);
}
