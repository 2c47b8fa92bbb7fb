/**
 * The small, generic word lists attribution needs: titles, nouns that name a person by what
 * they do, organization head nouns and the words that can never start a name. Nothing here
 * names a person, a place or a phrase of any particular article.
 */

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/** Titles that come before a name ("Trade Minister Dominic LeBlanc") or head a role phrase. */
export const TITLES = set(`
  minister premier ambassador president vice-president secretary representative leader director
  governor senator mayor chancellor chief commissioner chair chairman chairwoman chairperson ceo
  cfo coo spokesperson spokesman spokeswoman envoy speaker justice judge general clerk deputy
  counsel king queen prince princess pope attorney treasurer administrator superintendent
  councillor councilor congressman congresswoman rep sen gov mp mpp mla officer manager founder
  head consul lieutenant-governor
`);

/** Nouns that describe a person by role; heads of descriptions ("a senior government source"). */
export const PERSON_NOUNS = set(`
  source sources official officials spokesperson spokesman spokeswoman aide aides adviser advisers
  advisor advisors diplomat diplomats negotiator negotiators insider insiders analyst analysts
  economist economists expert experts observer observers critic critics lawyer lawyers executive
  executives user users member members resident residents worker workers owner owners person people
  servant servants staffer staffers strategist strategists lobbyist lobbyists researcher researchers
  professor professors partner partners witness witnesses participant participants farmer farmers
  producer producers exporter exporters importer importers economist trader traders banker bankers
  clerk representative representatives colleague colleagues counterpart insider businessperson
  businessman businesswoman entrepreneur consultant consultants organizer organizers activist
  activists reporter reporters journalist journalists scientist scientists historian driver drivers
  trucker truckers voter voters customer customers employee employees student students teacher
  teachers doctor doctors nurse nurses neighbour neighbours neighbor neighbors protester protesters
  veteran veterans operator operators supplier suppliers
`);

/** Lower-case words that may sit inside a role before its title ("International trade lawyer"). */
export const ROLE_MODIFIERS = set(`
  trade commerce foreign finance industry international deputy vice senior former chief executive
  top civil associate assistant general national federal provincial state defence defense public
  security economic policy press communications opposition government prime interim acting
  managing principal lead junior special
`);

/** Words joining the parts of a capitalized name or title ("Leader of the Opposition"). */
export const CONNECTORS = set("of the to for on in de du da di van von der den la le al bin ibn");

/** Head nouns that make a capitalized phrase a place or a thing, never a person ("Ambassador Bridge"). */
export const PLACE_HEADS = set(`
  bridge river street avenue road highway park airport station port harbour harbor lake lakes
  mountain mountains island islands valley castle tower square hall hospital school building
  centre bay coast border crossing plant mill mine
`);

/** Head nouns that make a capitalized phrase an organization, not a person. */
export const ORG_HEADS = set(`
  foundation office institute coalition council ministry department agency association bank fund
  commission committee party government administration corp corporation inc ltd group company
  university center centre chamber union board authority service news times post press network
  federation alliance caucus senate parliament house court treasury secretariat organization
  organisation forum society trust congress cabinet embassy consulate police army navy
  industries associates partners llp llc plc
`);

/** Capitalized words that start sentences but never names. */
export const NOT_NAMES = set(`
  the a an this that these those there here it its their his her our my your we i he she they you
  but and or so yet however meanwhile also still then now when while if as after before despite
  in on at for with without by from to of about since until though although because once what
  which who whom whose where why how not no yes some many several most all both each every one two
  is are was were do does did has have had can will would should could must might
  three other another such just only even last next new mr mrs ms dr prof
  monday tuesday wednesday thursday friday saturday sunday january february march april may june
  july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
`);

export const DETERMINERS = set(
  "the a an one another some several two three four many other any each this that these those",
);

/** Determiners that introduce someone new, never an earlier speaker. */
export const INDEFINITE = set("a an one another some several two three four many other any");

/** Adverbs and auxiliaries that may sit between a speaker and the verb ("Ford meanwhile said"). */
export const VERB_FILLERS = set(`
  has have had will would could did does do may might must shall should can also later then again
  meanwhile previously once still recently reportedly publicly repeatedly first further earlier
  separately privately already always never often simply only just even too
`);

export const PREPOSITIONS = set(`
  to with for by from of at in on about into onto over under between among against toward towards
  during after before without within upon like than via per alongside including
`);

/** Words after a quoted fragment that show it modifies a noun rather than ends a clause. */
export const FUNCTION_WORDS = set(`
  of to for in on at with by from between among about as than that which who whom whose when where
  while and or but nor so yet if because although though is are was were be been being has have
  had will would could should can may might must do does did not it its they them he she we i you
  this these those there here said says say told adding noting according after before since until
  during over under into onto without within per via despite amid against toward towards through
  across around behind beyond near the a an his her their our my your
`);

export const PRONOUNS: Readonly<Record<string, "m" | "f" | "plural" | "first">> = {
  he: "m",
  she: "f",
  they: "plural",
  i: "first",
  we: "first",
};

/** Honorifics that fix a gender and are never part of a role. */
export const HONORIFICS: Readonly<Record<string, "m" | "f" | undefined>> = {
  "mr.": "m",
  "mrs.": "f",
  "ms.": "f",
  "dr.": undefined,
  "prof.": undefined,
};
