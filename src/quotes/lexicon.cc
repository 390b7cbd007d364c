#include "src/quotes/lexicon.h"

#include <string>
#include <string_view>
#include <unordered_map>

namespace crosscheck::quotes {
namespace {

// Every inflection of each reporting verb, written out (no stemming: "states" the verb and
// "States" the noun are told apart by position, not by form). The first word of a line is the
// base form; "-ing" forms get kParticiple. Verbs marked with '*' take their addressee as an object
// ("told reporters", "asked him").
constexpr std::string_view kReportingVerbs[] = {
    "say says said saying",
    "*tell tells told telling",
    "add adds added adding",
    "write writes wrote written writing",
    "*ask asks asked asking",
    "*warn warns warned warning",
    "insist insists insisted insisting",
    "explain explains explained explaining",
    "note notes noted noting",
    "declare declares declared declaring",
    "claim claims claimed claiming",
    "argue argues argued arguing",
    "state states stated stating",
    "announce announces announced announcing",
    "continue continues continued continuing",
    "recall recalls recalled recalling",
    "acknowledge acknowledges acknowledged acknowledging",
    "admit admits admitted admitting",
    "reply replies replied replying",
    "respond responds responded responding",
    "answer answers answered answering",
    "tweet tweets tweeted tweeting",
    "post posts posted posting",
    "quip quips quipped quipping",
    "joke jokes joked joking",
    "exclaim exclaims exclaimed exclaiming",
    "shout shouts shouted shouting",
    "yell yells yelled yelling",
    "scream screams screamed screaming",
    "cry cries cried crying",
    "whisper whispers whispered whispering",
    "mutter mutters muttered muttering",
    "concede concedes conceded conceding",
    "contend contends contended contending",
    "assert asserts asserted asserting",
    "maintain maintains maintained maintaining",
    "suggest suggests suggested suggesting",
    "predict predicts predicted predicting",
    "*promise promises promised promising",
    "vow vows vowed vowing",
    "pledge pledges pledged pledging",
    "boast boasts boasted boasting",
    "brag brags bragged bragging",
    "complain complains complained complaining",
    "lament laments lamented lamenting",
    "observe observes observed observing",
    "remark remarks remarked remarking",
    "comment comments commented commenting",
    "conclude concludes concluded concluding",
    "*urge urges urged urging",
    "*caution cautions cautioned cautioning",
    "charge charges charged charging",
    "allege alleges alleged alleging",
    "counter counters countered countering",
    "retort retorts retorted retorting",
    "snap snaps snapped snapping",
    "recount recounts recounted recounting",
    "reiterate reiterates reiterated reiterating",
    "stress stresses stressed stressing",
    "emphasize emphasizes emphasized emphasizing",
    "emphasise emphasises emphasised emphasising",
    "confirm confirms confirmed confirming",
    "deny denies denied denying",
    "testify testifies testified testifying",
    "report reports reported reporting",
    "proclaim proclaims proclaimed proclaiming",
    "muse muses mused musing",
    "wonder wonders wondered wondering",
    "chant chants chanted chanting",
    "read reads reading",
    "speak speaks spoke spoken speaking",
    "agree agrees agreed agreeing",
    "disagree disagrees disagreed disagreeing",
    "demand demands demanded demanding",
    "thunder thunders thundered thundering",
    "scoff scoffs scoffed scoffing",
    "sigh sighs sighed sighing",
    "laugh laughs laughed laughing",
    "chuckle chuckles chuckled chuckling",
    "plead pleads pleaded pled pleading",
    "*beg begs begged begging",
    "*implore implores implored imploring",
    "describe describes described describing",
    "call calls called calling",
    "dub dubs dubbed dubbing",
    "label labels labeled labelled labeling labelling",
    "brand brands branded branding",
    "term terms termed terming",
    "text texts texted texting",
    "*email emails emailed emailing",
    "interject interjects interjected interjecting",
    "blast blasts blasted blasting",
    "slam slams slammed slamming",
    "accuse accuses accused accusing",
    "*assure assures assured assuring",
    "*remind reminds reminded reminding",
    "*inform informs informed informing",
    "*advise advises advised advising",
    "begin begins began beginning",
    "finish finishes finished finishing",
    "rail rails railed railing",
    "opine opines opined opining",
    "preach preaches preached preaching",
    "marvel marvels marveled marvelled marveling",
    "gush gushes gushed gushing",
    "hint hints hinted hinting",
    "bark barks barked barking",
    "boom booms boomed booming",
    "growl growls growled growling",
    "snarl snarls snarled snarling",
    "hiss hisses hissed hissing",
    "roar roars roared roaring",
    "beam beams beamed beaming",
    "sneer sneers sneered sneering",
    "tease teases teased teasing",
    "mock mocks mocked mocking",
    "taunt taunts taunted taunting",
    "murmur murmurs murmured murmuring",
    "recite recites recited reciting",
    "echo echoes echoed echoing",
    "exult exults exulted exulting",
    "protest protests protested protesting",
    "object objects objected objecting",
    "reason reasons reasoned reasoning",
    "volunteer volunteers volunteered volunteering",
    "offer offers offered offering",
    "propose proposes proposed proposing",
    "swear swears swore sworn swearing",
    "guess guesses guessed guessing",
    "gloat gloats gloated gloating",
    "fume fumes fumed fuming",
    "grumble grumbles grumbled grumbling",
    "groan groans groaned groaning",
    "moan moans moaned moaning",
    "blurt blurts blurted blurting",
    "stammer stammers stammered stammering",
    "sob sobs sobbed sobbing",
    "apologize apologizes apologized apologizing",
    "apologise apologises apologised apologising",
    "concur concurs concurred concurring",
    "quote quotes quoted quoting",
    "chide chides chided chiding",
    "scold scolds scolded scolding",
    "lecture lectures lectured lecturing",
    "rant rants ranted ranting",
    "vent vents vented venting",
    "sing sings sang sung singing",
    "pray prays prayed praying",
    "thank thanks thanked thanking",
    "blare blares blared blaring",
    "riff riffs riffed riffing",
    "retaliate retaliates retaliated retaliating",
    "rebut rebuts rebutted rebutting",
    "interrupt interrupts interrupted interrupting",
    "chime chimes chimed chiming",
    "according",
};

// First words of two-word cues and the word that must follow.
constexpr std::pair<std::string_view, std::string_view> kParticles[] = {
    {"according", "to"}, {"pointed", "out"}, {"points", "out"},  {"pointing", "out"},
    {"went", "on"},      {"goes", "on"},     {"going", "on"},    {"shot", "back"},
    {"fired", "back"},   {"fires", "back"},  {"firing", "back"}, {"chimed", "in"},
    {"chimes", "in"},    {"summed", "up"},   {"sums", "up"},     {"put", "it"},
    {"puts", "it"},      {"weighed", "in"},  {"weighs", "in"},   {"followed", "up"},
    {"spelled", "out"},  {"lashed", "out"},
};

constexpr std::string_view kPronouns[] = {"he", "she", "they", "it", "i", "we"};

constexpr std::string_view kDeterminers[] = {
    "the",   "a",    "an",      "his",   "her",  "their", "its",    "our",   "my",
    "your",  "one",  "another", "this",  "that", "these", "those",  "some",  "several",
    "many",  "most", "two",     "three", "four", "both",  "each",   "every", "no",
    "other", "few",  "all",     "any",   "five", "such",  "either",
};

constexpr std::string_view kBetweenWords[] = {
    "also",    "later",      "then",         "again",      "once",     "previously", "recently",
    "has",     "have",       "had",          "was",        "were",     "is",         "would",
    "will",    "could",      "did",          "does",       "do",       "simply",     "further",
    "even",    "repeatedly", "flatly",       "reportedly", "publicly", "privately",  "quickly",
    "often",   "long",       "famously",     "frequently", "first",    "ultimately", "finally",
    "once",    "earlier",    "subsequently", "since",      "still",    "just",       "never",
    "always",  "already",    "sometimes",    "has",        "may",      "might",      "should",
    "can",     "must",       "reportedly",   "allegedly",  "recently", "had",        "angrily",
    "bluntly", "not",        "only",
};

constexpr std::string_view kParticlesInNames[] = {
    "de", "van", "von", "der", "den", "da",  "di",    "du",  "la",  "le", "bin", "al",
    "el", "ibn", "ben", "dos", "das", "del", "della", "ter", "ten", "y",  "zu",  "af",
};

// Capitalised at a sentence start, never a name (nor a name's first word).
constexpr std::string_view kStopCaps[] = {
    "the",       "a",         "an",        "but",       "and",      "or",     "so",
    "yet",       "in",        "on",        "at",        "of",       "for",    "to",
    "from",      "with",      "by",        "as",        "if",       "when",   "while",
    "after",     "before",    "since",     "because",   "although", "though", "he",
    "she",       "it",        "they",      "we",        "i",        "you",    "his",
    "her",       "their",     "its",       "our",       "my",       "your",   "this",
    "that",      "these",     "those",     "there",     "here",     "what",   "which",
    "who",       "whom",      "whose",     "why",       "how",      "where",  "then",
    "now",       "still",     "also",      "even",      "just",     "only",   "not",
    "no",        "yes",       "some",      "many",      "most",     "more",   "all",
    "any",       "each",      "every",     "both",      "one",      "two",    "three",
    "another",   "other",     "such",      "during",    "under",    "over",   "about",
    "among",     "between",   "into",      "through",   "without",  "within", "according",
    "meanwhile", "however",   "instead",   "indeed",    "asked",    "said",   "says",
    "like",      "unlike",    "despite",   "last",      "next",     "first",  "later",
    "earlier",   "today",     "yesterday", "tonight",   "tomorrow", "do",     "does",
    "did",       "is",        "are",       "was",       "were",     "be",     "has",
    "have",      "had",       "will",      "would",     "former",   "late",   "acting",
    "then",      "monday",    "tuesday",   "wednesday", "thursday", "friday", "saturday",
    "sunday",    "january",   "february",  "march",     "april",    "june",   "july",
    "august",    "september", "october",   "november",  "december",
};

constexpr std::string_view kOrgWords[] = {
    "party",        "committee",     "campaign",       "house",        "senate",    "congress",
    "department",   "agency",        "administration", "news",         "post",      "times",
    "journal",      "network",       "university",     "college",      "institute", "foundation",
    "association",  "council",       "court",          "commission",   "bureau",    "office",
    "club",         "inc",           "corp",           "co",           "llc",       "group",
    "pac",          "fund",          "union",          "society",      "church",    "center",
    "centre",       "company",       "bank",           "press",        "media",     "television",
    "radio",        "magazine",      "review",         "herald",       "tribune",   "daily",
    "street",       "avenue",        "city",           "county",       "state",     "states",
    "republic",     "kingdom",       "ministry",       "police",       "army",      "navy",
    "force",        "guard",         "service",        "project",      "coalition", "alliance",
    "movement",     "forum",         "board",          "trust",        "partners",  "capital",
    "holdings",     "airlines",      "motors",         "school",       "hospital",  "organization",
    "organisation", "federation",    "caucus",         "council",      "sea",       "river",
    "ocean",        "island",        "islands",        "mountains",    "valley",    "bay",
    "park",         "square",        "district",       "province",     "region",    "coast",
    "peninsula",    "desert",        "gulf",           "airport",      "station",   "bridge",
    "hall",         "tower",         "plaza",          "beach",        "democrats", "republicans",
    "americans",    "conservatives", "liberals",       "progressives", "muslims",   "christians",
    "catholics",    "evangelicals",  "latinos",        "hispanics",    "nations",   "airways",
    "motors",
};

constexpr std::string_view kClauseWords[] = {
    "and",      "but",    "while",   "when",  "because", "who",    "which", "that",  "if", "as",
    "although", "though", "whereas", "where", "after",   "before", "since", "until", "so", "or",
};

constexpr std::string_view kPrepositions[] = {
    "of",   "for",     "at",     "in",    "with",   "on",    "to",   "from",
    "by",   "about",   "during", "after", "before", "under", "over", "into",
    "near", "outside", "inside", "who",   "which",  "that",
};

constexpr std::string_view kSuffixes[] = {"jr", "sr", "ii", "iii", "iv", "esq"};

// Words that may follow the verb inside a cue ("said in a statement", "wrote on Twitter",
// "told CNN in an interview").
constexpr std::string_view kInterviewWords[] = {"in", "on", "during"};

constexpr std::string_view kTimeWords[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday",  "saturday",
    "sunday", "today",   "yesterday", "tonight",  "earlier", "later",
};

// Common given names by the gender they usually carry, for pronoun agreement ("she said" after
// "Maria Lopez and John Park"). Written from general knowledge; names used for both are left out.
constexpr std::string_view kMaleNames[] = {
    "aaron",    "adam",        "al",       "alan",     "albert",   "alex",     "alexander",
    "andrew",   "andy",        "anthony",  "arthur",   "barack",   "ben",      "benjamin",
    "bernie",   "bernard",     "bill",     "billy",    "bob",      "bobby",    "brad",
    "brandon",  "brian",       "bruce",    "carl",     "carlos",   "charles",  "charlie",
    "chris",    "christopher", "chuck",    "colin",    "craig",    "dan",      "daniel",
    "danny",    "darren",      "dave",     "david",    "dennis",   "dick",     "don",
    "donald",   "doug",        "douglas",  "ed",       "eddie",    "edward",   "eric",
    "frank",    "fred",        "gary",     "george",   "gerald",   "greg",     "gregory",
    "harold",   "harry",       "henry",    "howard",   "ian",      "jack",     "jacob",
    "jake",     "james",       "jason",    "jeb",      "jeff",     "jeffrey",  "jeremy",
    "jerry",    "jim",         "jimmy",    "joe",      "joel",     "john",     "johnny",
    "jon",      "jonathan",    "jorge",    "jose",     "joseph",   "josh",     "joshua",
    "juan",     "justin",      "keith",    "ken",      "kenneth",  "kevin",    "larry",
    "lawrence", "len",         "leon",     "louis",    "luis",     "marco",    "mark",
    "martin",   "matt",        "matthew",  "michael",  "mike",     "mitch",    "mitt",
    "nathan",   "neil",        "nicholas", "nick",     "patrick",  "paul",     "pete",
    "peter",    "phil",        "philip",   "ralph",    "rand",     "randy",    "raymond",
    "reince",   "richard",     "rick",     "rob",      "robert",   "roger",    "ron",
    "ronald",   "roy",         "rudy",     "russell",  "ryan",     "sam",      "samuel",
    "scott",    "sean",        "stephen",  "steve",    "steven",   "ted",      "thomas",
    "tim",      "timothy",     "todd",     "tom",      "tony",     "vladimir", "walter",
    "wayne",    "william",     "willie",   "mohammed", "muhammad", "ahmed",    "ali",
    "hassan",   "ivan",        "sergei",   "dmitry",   "pierre",   "jean",     "francois",
    "hans",     "klaus",       "giuseppe", "antonio",  "miguel",   "pedro",    "xi",
    "hiroshi",
};
constexpr std::string_view kFemaleNames[] = {
    "abby",      "alice",      "alicia",    "allison",   "amanda",    "amy",       "andrea",
    "angela",    "ann",        "anna",      "anne",      "barbara",   "betsy",     "betty",
    "beverly",   "brenda",     "carly",     "carol",     "caroline",  "catherine", "cathy",
    "cheryl",    "christina",  "christine", "claire",    "cynthia",   "debbie",    "deborah",
    "debra",     "diana",      "diane",     "donna",     "doris",     "dorothy",   "elizabeth",
    "ellen",     "emily",      "emma",      "evelyn",    "frances",   "gloria",    "grace",
    "hannah",    "heather",    "heidi",     "helen",     "hillary",   "huma",      "ivanka",
    "jackie",    "jacqueline", "jane",      "janet",     "janice",    "jean",      "jennifer",
    "jessica",   "jill",       "joan",      "joanne",    "joyce",     "judith",    "judy",
    "julia",     "julie",      "karen",     "kate",      "katherine", "kathleen",  "kathy",
    "katie",     "kellyanne",  "kelly",     "kimberly",  "kirsten",   "kristen",   "laura",
    "lauren",    "linda",      "lisa",      "lois",      "loretta",   "louise",    "lynn",
    "madeleine", "margaret",   "maria",     "marie",     "marilyn",   "martha",    "mary",
    "megyn",     "melania",    "melissa",   "michele",   "michelle",  "mildred",   "nancy",
    "nicole",    "nikki",      "olivia",    "pamela",    "patricia",  "paula",     "peggy",
    "rachel",    "rebecca",    "rose",      "ruth",      "sandra",    "sara",      "sarah",
    "sharon",    "shirley",    "sophia",    "stephanie", "susan",     "suzanne",   "tammy",
    "teresa",    "theresa",    "tiffany",   "tina",      "valerie",   "victoria",  "virginia",
    "wendy",     "marine",     "yulia",     "svetlana",  "fatima",    "aisha",     "sofia",
    "ana",       "elena",      "carmen",    "isabel",    "ingrid",    "marta",     "ilse",
};

// Role nouns: what "the spokesman said" can be resolved through. Singular forms.
constexpr std::string_view kRoles[] = {
    "spokesman",     "spokeswoman",    "spokesperson",
    "senator",       "governor",       "candidate",
    "nominee",       "president",      "secretary",
    "adviser",       "advisor",        "strategist",
    "pollster",      "consultant",     "chairman",
    "chairwoman",    "chair",          "director",
    "manager",       "executive",      "leader",
    "official",      "lawmaker",       "analyst",
    "economist",     "professor",      "attorney",
    "lawyer",        "judge",          "justice",
    "mayor",         "minister",       "chief",
    "aide",          "member",         "ambassador",
    "commissioner",  "researcher",     "reporter",
    "author",        "host",           "anchor",
    "founder",       "co-founder",     "activist",
    "organizer",     "delegate",       "congressman",
    "congresswoman", "representative", "operative",
    "officer",       "agent",          "veteran",
    "fellow",        "scientist",      "historian",
    "expert",        "businessman",    "businesswoman",
    "billionaire",   "mogul",          "developer",
    "ceo",           "chancellor",     "premier",
    "king",          "queen",          "prince",
    "princess",      "pope",           "bishop",
    "pastor",        "rabbi",          "imam",
    "general",       "admiral",        "colonel",
    "captain",       "sergeant",       "commander",
    "sheriff",       "detective",      "prosecutor",
    "counsel",       "treasurer",      "comptroller",
    "auditor",       "councilman",     "councilwoman",
    "legislator",    "assemblyman",    "assemblywoman",
    "diplomat",      "envoy",          "negotiator",
    "commentator",   "columnist",      "editor",
    "publisher",     "journalist",     "writer",
    "producer",      "actor",          "actress",
    "singer",        "rapper",         "comedian",
    "coach",         "player",         "president-elect",
    "vice",          "frontrunner",    "front-runner",
    "challenger",    "incumbent",      "speaker",
    "whip",          "governor-elect", "mayor-elect",
    "owner",         "partner",        "investor",
    "donor",         "fundraiser",     "surrogate",
    "staffer",       "volunteer",      "pollster",
    "economist",
};

struct TitleEntry {
  std::string_view title, role;
  int gender;
};

constexpr TitleEntry kTitles[] = {
    {"Mr", "", 1},
    {"Mrs", "", -1},
    {"Ms", "", -1},
    {"Miss", "", -1},
    {"Dr", "doctor", 0},
    {"Sen", "senator", 0},
    {"Sens", "senator", 0},
    {"Rep", "representative", 0},
    {"Reps", "representative", 0},
    {"Gov", "governor", 0},
    {"Gen", "general", 0},
    {"Lt", "lieutenant", 0},
    {"Col", "colonel", 0},
    {"Maj", "major", 0},
    {"Capt", "captain", 0},
    {"Sgt", "sergeant", 0},
    {"Adm", "admiral", 0},
    {"Prof", "professor", 0},
    {"Rev", "reverend", 0},
    {"Hon", "", 0},
    {"Atty", "attorney", 0},
    {"Amb", "ambassador", 0},
    {"Supt", "superintendent", 0},
    {"Sir", "", 1},
    {"Dame", "", -1},
    {"Lord", "", 1},
    {"Lady", "", -1},
    {"President", "president", 0},
    {"Vice", "", 0},
    {"Senator", "senator", 0},
    {"Representative", "representative", 0},
    {"Congressman", "congressman", 1},
    {"Congresswoman", "congresswoman", -1},
    {"Governor", "governor", 0},
    {"Mayor", "mayor", 0},
    {"Minister", "minister", 0},
    {"Prime", "", 0},
    {"Secretary", "secretary", 0},
    {"Judge", "judge", 0},
    {"Justice", "justice", 0},
    {"Chancellor", "chancellor", 0},
    {"King", "king", 1},
    {"Queen", "queen", -1},
    {"Prince", "prince", 1},
    {"Princess", "princess", -1},
    {"Pope", "pope", 1},
    {"Ambassador", "ambassador", 0},
    {"Chairman", "chairman", 1},
    {"Chairwoman", "chairwoman", -1},
    {"Speaker", "speaker", 0},
    {"Attorney", "attorney", 0},
    {"General", "general", 0},
    {"Director", "director", 0},
    {"Commissioner", "commissioner", 0},
    {"Admiral", "admiral", 0},
    {"Pastor", "pastor", 0},
    {"Rabbi", "rabbi", 0},
    {"Bishop", "bishop", 0},
    {"Cardinal", "cardinal", 0},
    {"Father", "father", 1},
    {"Sheikh", "sheikh", 1},
    {"Coach", "coach", 0},
    {"Sheriff", "sheriff", 0},
    {"Councilman", "councilman", 1},
    {"Councilwoman", "councilwoman", -1},
    {"Detective", "detective", 0},
    {"Chief", "", 0},
    {"Deputy", "", 0},
    {"Press", "", 0},
    {"Leader", "leader", 0},
};

class Table {
 public:
  Table() {
    for (std::string_view line : kReportingVerbs) {
      bool object = !line.empty() && line[0] == '*';
      if (object) line.remove_prefix(1);
      while (!line.empty()) {
        size_t sp = line.find(' ');
        std::string_view w = line.substr(0, sp);
        line = sp == std::string_view::npos ? std::string_view() : line.substr(sp + 1);
        if (w.empty()) continue;
        uint32_t f = kReportingVerb;
        if (object) f |= kTakesObject;
        if (w.size() > 4 && w.substr(w.size() - 3) == "ing" && w != "according") f |= kParticiple;
        add(w, f);
      }
    }
    for (auto w : kPronouns) add(w, kPronoun);
    for (auto w : kDeterminers) add(w, kDeterminer);
    for (auto w : kBetweenWords) add(w, kBetween);
    for (auto w : kParticlesInNames) add(w, kParticle);
    for (auto w : kStopCaps) add(w, kStopCap);
    for (auto w : kOrgWords) add(w, kOrgWord);
    for (auto w : kClauseWords) add(w, kClauseWord);
    for (auto w : kPrepositions) add(w, kPreposition);
    for (auto w : kSuffixes) add(w, kNameSuffix);
    for (auto w : kInterviewWords) add(w, kInterview);
    for (auto w : kTimeWords) add(w, kTime);
    for (auto w : kRoles) add(w, kRole);
    for (const TitleEntry& t : kTitles) titles_.emplace(t.title, &t);
    for (auto w : kMaleNames) given_[w] += 1;
    for (auto w : kFemaleNames) given_[w] -= 1;
    for (const auto& p : kParticles) particles_.emplace(p.first, p.second);
  }

  uint32_t flags(std::string_view w) const {
    auto it = words_.find(w);
    return it == words_.end() ? 0 : it->second;
  }
  const TitleEntry* title(std::string_view w) const {
    auto it = titles_.find(w);
    return it == titles_.end() ? nullptr : it->second;
  }
  std::string_view particle(std::string_view w) const {
    auto it = particles_.find(w);
    return it == particles_.end() ? std::string_view() : it->second;
  }
  int given(std::string_view w) const {
    auto it = given_.find(w);
    return it == given_.end() ? 0 : (it->second > 0 ? 1 : it->second < 0 ? -1 : 0);
  }

 private:
  void add(std::string_view w, uint32_t f) { words_[w] |= f; }
  std::unordered_map<std::string_view, uint32_t> words_;
  std::unordered_map<std::string_view, const TitleEntry*> titles_;
  std::unordered_map<std::string_view, std::string_view> particles_;
  std::unordered_map<std::string_view, int> given_;  // > 0 male, < 0 female, 0 both
};

const Table& table() {
  static const Table t;
  return t;
}

}  // namespace

uint32_t word_flags(std::string_view lower) { return table().flags(lower); }

std::string_view cue_particle(std::string_view lower) { return table().particle(lower); }

std::string_view title_role(std::string_view word, int* gender) {
  const TitleEntry* t = table().title(word);
  if (gender) *gender = t ? t->gender : 0;
  if (!t) return {};
  // Titles without a role of their own still count as titles: return a non-empty marker.
  return t->role.empty() ? std::string_view("-") : t->role;
}

int first_name_gender(std::string_view lower) { return table().given(lower); }

int pronoun_gender(std::string_view lower) {
  if (lower == "he" || lower == "him") return 1;
  if (lower == "she" || lower == "her") return -1;
  return 0;
}

}  // namespace crosscheck::quotes
