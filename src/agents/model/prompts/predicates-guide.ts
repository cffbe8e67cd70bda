/** How predicates are written, shared by the prompts that ask a model for them. */
export function predicatesGuide(hasStateProbe: boolean): string {
  const state = hasStateProbe
    ? `State predicates (preferred; they read the app's ground-truth state outlined below):
- {"kind":"state-value","collection":C,"field":F,"value":V,"present":true|false}: some record of C has F equal to V (or none, with present false).
- {"kind":"state-field","collection":C,"match":{F:V,…},"field":F2,"equals":V2}: the record matching all of match has F2 equal to V2.
- {"kind":"state-count","collection":C,"where":{F:V},"op":"eq"|"gt"|"gte"|"lt"|"lte","count":N}.
`
    : 'This site has no state probe: use page predicates only.\n';
  return `${state}Page predicates:
- {"kind":"url","includes":S} (path and query contain S; "exact":true to require equality).
- {"kind":"text","text":S,"present":true|false,"path"?:P}: the page (or path P, loaded fresh) shows S.
- {"kind":"element","role":R,"name":N,"present":true,"checked"?:bool,"value"?:S,"path"?:P}.
Information-seeking tasks: {"kind":"answer","includes":S} with S the exact value shown on the page.
Every predicate must be FALSE now and become TRUE only when the task is done; use exact names and values.`;
}
