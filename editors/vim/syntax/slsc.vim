" Vim syntax file
" Language:    slsc spec (.sls), the language of the slsc compiler
" Maintainer:  the slsc project
"
" The authority is compiler/src/syntax/sls.pest. Keywords are contextual in
" the language (`prefix = "in/"` is a property, `bucket: S3Bucket` a field),
" so words are `syn match` items, not `syn keyword` (a keyword would beat the
" property and field matches); among matches starting at one column the one
" defined last wins, which is why names before `=`, `{` and `:` come last.
" To add a keyword, extend the word lists below.

if exists('b:current_syntax')
  finish
endif
let s:cpo_save = &cpo
set cpo&vim

syn case match
syn sync minlines=200

" Declarations other than `function` and `api`, whose names are set apart below.
let s:declarations = ['app', 'type', 'event', 'rule', 'schedule', 'queue', 'topic', 'bus',
      \ 'table', 'bucket', 'stream', 'state_machine', 'secret', 'parameter', 'param', 'userpool', 'resource', 'pipe', 'schedule_group',
      \ 'layer', 'stage', 'alarm', 'condition']
let s:verbs = ['reads', 'writes', 'deletes', 'sends', 'publishes', 'emits', 'invokes', 'answers']
let s:keywords = ['on', 'match', 'where', 'send', 'subscribe', 'from', 'detail_type', 'external',
      \ 'every', 'cron', 'after', 'receives', 'receive', 'allow', 'responses', 'if', 'else']
let s:operator_words = ['and', 'or', 'not', 'in', 'exists', 'prefix', 'suffix', 'matches', 'cidr',
      \ 'ignoring', 'case']
let s:http_methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY']
let s:options = ['arm64', 'x86_64', 'active', 'passthrough', 'on_demand', 'provisioned',
      \ 'keys_only', 'new_image', 'old_image', 'new_and_old_images', 'latest', 'trim_horizon',
      \ 'created', 'removed', 'none', 'iam', 'jwt', 'http', 'rest']
let s:primitives = ['string', 'int', 'number', 'bool', 'binary']
let s:duration_units = ['ms', 's', 'm', 'h', 'd']
let s:size_units = ['KB', 'MB', 'GB']

function! s:Words(list) abort
  return '\<\%(' . join(a:list, '\|') . '\)\>'
endfunction

" Statement starts end a verb's list of names (pest: statement_start).
let s:statement_start = '\%(' . s:Words(s:verbs + ['on']) . '\|\h\w*\s*\%(=\|{\)\)'

" ------------------------------------------------------------ comments

syn keyword slscTodo contained TODO FIXME XXX NOTE
syn match slscComment '//.*$' contains=slscTodo,@Spell

" ------------------------------------------------------------- literals

" First: inside a filter, any other word item that matches wins over a field.
syn match slscFilterField '\<\h\w*\>' contained

syn region slscString start=+"+ skip=+\\\\\|\\"+ end=+"+ end=+$+ oneline contains=slscEscapeError,slscEscape
syn match slscEscapeError '\\\%(u{[^}"]*}\=\|.\=\)' contained
" \u{...}: 1 to 6 hex digits, at most 10FFFF, not a surrogate (else E0002).
syn match slscEscape '\\\%(["\\/ntr]\|u{\%(0\{0,2}[Dd][89A-Fa-f]\x\x}\)\@!\%(\x\{1,5}\|0\x\{5}\|10\x\{4}\)}\)' contained

syn match slscError '-\=\<\d[0-9_]*\%(\.\d[0-9_]*\)\=\a\w*'
syn match slscNumber '-\=\<\d[0-9_]*\>'
syn match slscFloat '-\=\<\d[0-9_]*\.\d[0-9_]*\>'
" `1%`, `0.5%`: a share; `50/s`, `3_000_000/month`: a rate.
syn match slscFloat '\<\d[0-9_]*\%(\.\d[0-9_]*\)\=%'
syn match slscFloat '\<\d[0-9_]*\%(\.\d[0-9_]*\)\=\/\%(month\|s\|m\|h\|d\)\>'
let s:units = '\%(' . join(s:duration_units + s:size_units, '\|') . '\)\>'
exe 'syn match slscDuration "\<\d[0-9_]*\ze\%(' . join(s:duration_units, '\|') . '\)\>" nextgroup=slscUnit'
exe 'syn match slscSize "\<\d[0-9_]*\ze\%(' . join(s:size_units, '\|') . '\)\>" nextgroup=slscUnit'
exe 'syn match slscUnit "' . s:units . '" contained'
" `1.5h`: always an error (E0201), write `90m`.
exe 'syn match slscError "\<\d[0-9_]*\.\d[0-9_]*' . s:units . '"'

exe 'syn match slscBoolean "' . s:Words(['true', 'false']) . '"'
exe 'syn match slscOption "' . s:Words(s:options) . '"'
exe 'syn match slscPrimitive "' . s:Words(s:primitives) . '"'
syn match slscBuiltin '\<default\>'

" ---------------------------------------------------------- references

" A name a statement refers to, and the names that follow it after commas.
syn match slscReference '\h\w*\%(\.\h\w*\)*' contained nextgroup=slscReferenceComma skipwhite
exe 'syn match slscReferenceComma ",\%(\_s*' . s:statement_start . '\)\@!" contained'
      \ . ' nextgroup=slscReference skipwhite skipnl'
syn match slscTypeReference '\h\w*\%(\.\h\w*\)*' contained nextgroup=slscTypeComma skipwhite
syn match slscTypeComma ',' contained nextgroup=slscTypeReference skipwhite skipnl

" -------------------------------------------------------------- keywords

exe 'syn match slscDeclaration "' . s:Words(s:declarations) . '" nextgroup=slscDeclName skipwhite'
exe 'syn match slscDeclaration "' . s:Words(['function']) . '" nextgroup=slscFunctionName skipwhite'
exe 'syn match slscDeclaration "' . s:Words(['api']) . '" nextgroup=slscApiName skipwhite'
syn match slscApiName '\h\w*' contained nextgroup=slscProtocol skipwhite
syn match slscProtocol '\h\w*' contained
syn match slscDeclName '\h\w*' contained
syn match slscFunctionName '\h\w*' contained
exe 'syn match slscInclude "' . s:Words(['use']) . '" nextgroup=slscString,slscModule skipwhite'
syn match slscModule '\h\w*\%(\.\h\w*\)*' contained

exe 'syn match slscVerb "' . s:Words(['reads', 'writes', 'deletes', 'invokes', 'answers']) . '" nextgroup=slscReference skipwhite'
exe 'syn match slscVerb "' . s:Words(['sends', 'publishes']) . '"'
      \ . ' nextgroup=slscMessageType skipwhite'
" `sends Message to Q`: the type of what is sent.
syn match slscMessageType '\<\%(to\>\)\@!\h\w*\%(\.\h\w*\)*\ze\s\+to\>' contained
syn match slscVerb '\<emits\>' nextgroup=slscTypeReference skipwhite
exe 'syn match slscKeyword "' . s:Words(s:keywords) . '"'
" Keywords followed by a name, and by the name of an event or type.
exe 'syn match slscKeyword "' . s:Words(['on', 'to', 'subscribe']) . '" nextgroup=slscReference skipwhite'
exe 'syn match slscKeyword "' . s:Words(['match', 'of']) . '" nextgroup=slscTypeReference skipwhite'

" Routes: `GET /orders/{id} -> GetOrder`.
exe 'syn match slscHttpMethod "' . s:Words(s:http_methods) . '"'
exe 'syn match slscHttpMethod "' . s:Words(s:http_methods) . '\ze\s\+/"'
      \ . ' nextgroup=slscRoutePath skipwhite'
syn match slscRoutePath '/[[:alnum:]_.~/{}+-]*' contained contains=slscPathParameter
syn match slscPathParameter '{\h\w*+\=}' contained
syn match slscOperator '->' nextgroup=slscReference skipwhite

" ------------------------------------------------------------- filters

" `where a > 1 and (b in ["x"] or c exists)`: may go on over several lines;
" ends where a member starts.
syn region slscFilter matchgroup=slscKeyword start='\<where\>'
      \ end='\ze[{},]'
      \ end='\ze\<\%(send\|match\|subscribe\|reads\|writes\|deletes\|sends\|publishes\|emits\|invokes\|answers\|on\)\>'
      \ end='^\ze\s*\h\w*\s*\%(=\%(=\)\@!\|{\)'
      \ contains=slscFilterField,slscOperatorWord,slscComparison,slscString,slscNumber,slscFloat,
      \slscError,slscBoolean,slscComment,slscFilterList,slscFilterParens
exe 'syn match slscOperatorWord "' . s:Words(s:operator_words) . '" contained'
syn match slscComparison '!=\|>=\|<=\|[=<>]' contained
syn region slscFilterList matchgroup=slscDelimiter start='\[' end='\]' contained
      \ contains=slscString,slscNumber,slscFloat,slscBoolean,slscComment
syn region slscFilterParens matchgroup=slscDelimiter start='(' end=')' contained
      \ contains=slscFilterField,slscOperatorWord,slscComparison,slscString,slscNumber,slscFloat,
      \slscError,slscBoolean,slscComment,slscFilterList,slscFilterParens

" ------------------------------------------------------ names and marks

syn match slscOperator '[=|?]'
syn match slscDelimiter '[{}\[\](),:.]'
syn match slscError "[;@#$%^&*'`\\]"
" `$default -> F`: an HTTP API's route for what no other route takes
" (after the error match of a stray `$`, so that this one wins).
syn match slscRoutePath '\$default\>\ze\s*->'

" Last, so that they win over keywords and words starting at the same column.
syn match slscProperty '\<\h\w*\ze\s*=\%(=\)\@!'
syn match slscBlock '\<\h\w*\ze\s*{'
syn match slscTagged '\%(=\s*\)\@<=\h\w*\ze\s*{'
syn match slscField '\<\h\w*\ze\s*?\=\s*:' nextgroup=slscFieldMarks skipwhite
syn match slscField '"[^"]*"\ze\s*?\=\s*:' nextgroup=slscFieldMarks skipwhite
syn match slscFieldMarks '?\=\s*:' contained contains=slscOperator,slscDelimiter
      \ nextgroup=slscTypeReference skipwhite
" `responses { 200 = Order }` is a statement, not a block; its entries name types.
syn match slscKeyword '\<responses\>\ze\s*{'
syn match slscStatusType '\%(\<\d\{3}\s*=\s*\)\@<=\h\w*\%(\.\h\w*\)*'

" -------------------------------------------------------------- links

hi def link slscComment       Comment
hi def link slscTodo          Todo
hi def link slscString        String
hi def link slscEscape        SpecialChar
hi def link slscEscapeError   Error
hi def link slscError         Error
hi def link slscNumber        Number
hi def link slscFloat         Float
hi def link slscDuration      Number
hi def link slscSize          Number
hi def link slscUnit          Special
hi def link slscBoolean       Boolean
hi def link slscOption        Constant
hi def link slscTagged        Constant
hi def link slscBuiltin       Constant
hi def link slscPrimitive     Type
hi def link slscDeclaration   Structure
hi def link slscDeclName      Type
hi def link slscFunctionName  Function
hi def link slscApiName       Type
hi def link slscProtocol      Constant
hi def link slscInclude       Include
hi def link slscModule        String
hi def link slscVerb          Statement
hi def link slscKeyword       Keyword
hi def link slscOperatorWord  Operator
hi def link slscComparison    Operator
hi def link slscOperator      Operator
hi def link slscHttpMethod    Keyword
hi def link slscRoutePath     String
hi def link slscPathParameter Special
hi def link slscReference     Identifier
hi def link slscTypeReference Type
hi def link slscMessageType   Type
hi def link slscStatusType    Type
hi def link slscFilterField   Identifier
hi def link slscProperty      Identifier
hi def link slscBlock         Identifier
hi def link slscField         Identifier
hi def link slscDelimiter     Delimiter

let b:current_syntax = 'slsc'
let &cpo = s:cpo_save
unlet s:cpo_save
