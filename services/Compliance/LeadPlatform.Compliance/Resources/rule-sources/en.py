import json, sys
sys.path.insert(0, '/tmp/rules')
from sources import *
P = '/work/wt-claims/services/Compliance/LeadPlatform.Compliance/Resources/claim-rules.json'
old = json.load(open('/tmp/rules/original-en.json'))
neg = old['negation']
cues = neg['cues']
# determiners: add 'no reason' family and evidence-absence as clause-wide negations
cues.append({"phrases": ["no reason", "no reason why", "nothing stops", "no way", "no evidence", "no proof", "no data", "no good evidence",
                         "no studies", "no study", "no trials", "no trial", "little evidence", "limited evidence", "not known", "unknown",
                         "nothing suggests", "no research"], "scope": 10})
cues.append({"phrases": ["fail to", "fails to", "failed to", "failing to", "unable to"], "scope": 3})
for c in cues:
    c['phrases'] = [x for x in c['phrases'] if x not in ("whether", "unclear if")]
cues.append({"kind": "distance", "scope": 12, "phrases": ["whether", "unclear if", "not sure if", "no way to know",
    "beware", "skeptical", "sceptical", "suspicious", "watch out",
    "warning sign", "red flag", "falsely", "false claims",
    "(warn|warns|warned|warning|alert|alerts|cautions) (that|about|against|patients|consumers|people|us)",
    "(clinics|clinic|providers|provider|websites|website|sites|site|ads|adverts|advertisements|companies|company|anyone|someone|people|others|marketers|sellers|places|doctors) {0,3} (promise|promises|promised|promising|claim|claims|claimed|claiming|say|says|said|tell|tells|told|advertise|advertises|offer|offers|offering|guarantee|guarantees|market|markets|sell|sells)",
    "if", "unless", "whoever", "anyone who"]})
cues.append({"kind": "distance", "scope": 6, "phrases": [
    "(rest|physical therapy|physiotherapy|physio|bracing|a brace|conservative care|conservative treatment|conservative management|exercise|exercises|time off|core strengthening|standard care)"], "before": 6})
neg['notNegations'] += ["no wonder", "nothing like it", "cant wait", "no surprise", "if you want", "if youre ready", "unless you act"]

SUBJ = ["it", "this", "the therapy", "therapy", "treatment", "the treatment", "our treatment", "cells", "the cells", "stem cells",
        "injection", "injections", "the injection", "procedure", "protocol", "method", "approach", "shot", "shots", "we", "our clinic",
        "you", "patients", "our patients", "your back", "your spine", "your disc", "the bone", "your bone", "they"]
REPAIR = ["heal", "heals", "healed", "healing", "repair", "repairs", "repaired", "mend", "mends", "mended", "knit", "knits", "knitted",
          "regenerate", "regenerates", "regenerated", "regrow", "regrows", "regrew", "restore", "restores", "restored", "rebuild", "rebuilds",
          "rebuilt", "reverse", "reverses", "reversed", "fuse", "fuses", "seal", "seals",
          "reconstruct", "renew", "renews", "cure", "cures", "cured"]
BODY = ["spine", "spinal", "disc", "discs", "disk", "disks", "bone", "bones", "vertebra", "vertebrae", "vertebral", "pars", "fracture",
        "fractures", "defect", "defects", "spondylolysis", "spondylolisthesis", "back", "cartilage", "tissue", "tissues", "damage", "injury",
        "injuries", "lesion", "lesions", "degeneration", "slip", "crack", "break", "joint", "joints", "nerve", "nerves"]
PAIN = ["pain", "pains", "ache", "aches", "backache", "discomfort", "sciatica", "symptoms", "suffering"]
SPORT = ["sport", "sports", "field", "pitch", "court", "training", "play", "playing", "game", "games", "team", "competition", "competing",
         "gym", "track", "mat", "running", "football", "soccer", "golf", "tennis", "dancing", "work", "normal life", "full activity", "the ice", "the slopes"]
OUTCOME_NEG = ["no pain", "no more pain", "without pain", "without any pain", "no longer", "never needed", "never needs"]
OUTCOME_T = ["pain free", "painfree", "returned to",
             "competing again", "playing again", "running again", "walking again", "threw away",
             "threw out", "stopped taking", "off pain", "off his pain", "off her pain", "avoided surgery", "avoid surgery",
             "felt", "feels", "feel better", "healed", "cured", "recovered", "better", "younger",
             "thanks to", "new person", "life back", "gone", "disappeared", "relief"]
PERSON = ["patient", "client", "athlete", "player", "runner", "footballer", "woman", "man", "girl",
          "boy", "teenager", "teen", "mom", "mother", "dad", "father", "grandmother", "grandfather", "nurse", "teacher", "golfer",
          "dancer", "cyclist", "soldier", "veteran", "marathoner", "lifter", "climber", "skier", "rider", "student", "lady", "gentleman", "guy"]
lex = {"subject": SUBJ, "repair": REPAIR, "repairobj": REPAIR + ["fix", "fixes", "fixed", "close", "closes"], "body": BODY, "pain": PAIN, "sport": SPORT, "toutcome": OUTCOME_T, "toutcomeneg": OUTCOME_NEG, "person": PERSON,
       "surgery": ["surgery", "surgeries", "surgical", "operation", "operations", "fusion", "fusions", "surgeon", "surgeons", "the knife",
                   "standard care", "standard treatment", "conventional treatment", "conventional care", "traditional treatment",
                   "other treatments", "injections", "steroids", "epidural", "epidurals", "cortisone", "physical therapy", "a fusion", "an operation", "spinal fusion", "back surgery"]}

def rule(id, title, category, severity, source, advice, suggestion, patterns):
    return {"id": id, "title": title, "category": category, "severity": severity, "source": source, "advice": advice, "suggestion": suggestion, "patterns": patterns}

rules = [
 rule("claims.cure", "Cure claim", "efficacy", "block", FTC_RMG,
      "Do not say or imply that the treatment cures anything.",
      "Stem-cell treatment for this condition is investigational; we cannot say whether it would help you.",
      ["(cure|cures|cured|curing|curative|cureall)", "(permanent|lasting|definitive|final|complete|total) (solution|fix|cure|answer|recovery|results)"]),
 rule("claims.heal-repair", "Healing, repair or regeneration claim", "efficacy", "block", FTC_SCIA,
      "Do not claim the treatment heals, repairs, reverses or regenerates the spine, disc, bone or pars defect.",
      "Whether it can help a pars defect or a worn disc is not established; the evidence so far comes from small, preliminary studies.",
      ["@repairobj {0,3} @body", "(regenerates|regenerate|regrows|regrow|heals|repairs|rebuilds) (itself|themselves)",
       ">@subject {0,3} @repair", "(fully|completely|totally|entirely|permanently) (healed|repaired|restored|recovered|regenerated|fixed|mended)",
       ">@body {0,3} (heals|will heal|knits|knit|closes|close|grows back|grow back|regrows|mends) {0,3} (together|up|back|on its own|completely|fully|itself)"]),
 rule("claims.pain-outcome", "Promise of ending pain", "efficacy", "block", FTC_SCIA,
      "Do not promise that the pain will end, go away or stay away.",
      "Some patients report less pain and some do not; results vary and are not guaranteed.",
      ["(end|ends|ended|ending|eliminate|eliminates|eliminated|remove|removes|removed|banish|banishes|erase|erases|get rid of|gets rid of|got rid of|take away|takes away|wipe out|wipes out) {0,3} @pain",
       "pain free", "painfree", "free (of|from) @pain", "@pain {0,3} (go away|goes away|went away|gone|disappear|disappears|disappeared|vanish|vanishes|vanished|melt away|melts away|is history|a thing of the past)",
       "@pain {0,4} (for good|forever|permanently|once and for all)", "(no more|never again) {0,2} @pain",
       "(relief|relieve|relieves|relieved) {0,3} (for good|forever|permanently|once and for all)", "(permanent|lasting|long term|long lasting|complete|total) (relief|pain relief)"]),
 rule("claims.return-to-sport", "Return to sport or activity promised", "efficacy", "block", FTC_SCIA,
      "Do not promise a return to sport, work or full activity.",
      "Whether and when you could return to sport is something only your own physician can judge; we cannot promise it.",
      ["(back|return|returns|returned|returning|get back|gets back|go back|goes back) (to|on|in|into) {0,2} @sport", "(competing|playing|training|running|lifting|dancing) {0,2} again"]),
 rule("claims.works-for-everyone", "Works for everyone", "efficacy", "block", FTC_GUIDE,
      "Do not say the treatment works for everyone, never fails or is sure to work for this patient.",
      "Results vary from person to person; some patients are not helped at all.",
      ["(work|works|worked|working|effective|helps|help|helped|succeeds|success) {0,3} (everyone|everybody|anyone|anybody|all patients|every patient|all of them|every case|all cases|each patient)",
       "(virtually|almost|nearly) (everyone|everybody|every patient|always)", "(works|work|helps|help|effective) {0,3} (virtually|almost|nearly) (all|every)", "(never|rarely|seldom) fails", "(always|invariably) (works|helps|succeeds)",
       "(work|works|help|helps) for you", ">(every|each|all) {0,2} (patient|patients|client|clients|athlete|athletes) {0,6} (improve|improved|improves|recover|recovered|better|heal|healed|satisfied|benefit|benefited)",
       "!(fail|failed|fails|failing) to (improve|recover|respond|heal|get better|benefit|feel better|be helped)",
       "!(wasnt|werent|was not|were not|didnt|did not|couldnt|could not|doesnt|does not) {0,1} (helped|cured|healed|better|improve|recover|respond|benefit|feel better|get better|satisfied|heal|cure|help)"]),
 rule("claims.fda", "FDA approval, clearance or registration claim", "fda-status", "block", FDA_ALERT,
      "Never suggest FDA approval, clearance or registration.",
      "This treatment is not approved by the FDA for this condition or any orthopaedic condition.",
      [p for p in old['rules'] if p['id'] == 'claims.fda'][0]['patterns'] + ["(approved|cleared|authorized|authorised|sanctioned) (treatment|therapy|procedure|product)"]),
 rule("claims.fda-implication", "Implied FDA status", "fda-status", "review", FDA_REGISTER,
      "Do not imply the FDA endorses, recognises or oversees the treatment's results.",
      "The laboratory's registration with the FDA is not an approval of this treatment, which remains investigational.",
      ["fda (registered|registration|compliant|compliance|inspected|inspection|listed|recognized|recognised|regulated|guidelines|standards|rules|accredited)",
       "(recognized|recognised|registered|listed|inspected|regulated|accepted|accredited) (by|with) {0,3} (fda|food and drug administration)",
       "(comply|complies|complying|compliant|compliance|accordance|line) (with|to) {0,4} (fda|food and drug administration)"]),
 rule("claims.proven", "Proof claim", "efficacy", "block", FTC_GUIDE,
      "Do not call the treatment proven or clinically proven.",
      "Its benefit has not been established in randomised controlled trials.",
      [p for p in old['rules'] if p['id'] == 'claims.proven'][0]['patterns']),
 rule("claims.guarantee", "Guaranteed outcome", "efficacy", "block", FTC_RMG,
      "Do not guarantee results or outcomes (a price or appointment guarantee is fine).",
      "Results vary from person to person and are not guaranteed.",
      ["(guaranteed|guarantee|guarantees|guaranteeing|guaranty|assured|promise|promises|promised) {0,3} (result|results|outcome|outcomes|success|relief|recovery|cure|healing|improvement|improvements|to work|it works|it will work|you will|to heal|to help|satisfaction|effect|benefit|benefits)",
       "(result|results|outcome|outcomes|success|relief|recovery|improvement|healing|satisfaction) {0,3} (guaranteed|guarantee|assured)",
       "money back (guarantee|guaranteed)"]),
 rule("claims.safe-effective", "Safety or effectiveness claim", "safety", "block", FDA_SAFETY,
      "Do not call the treatment safe and effective, or completely safe.",
      "Its safety and effectiveness for this condition have not been established; reported risks include infection and tumour formation.",
      [p for p in old['rules'] if p['id'] == 'claims.safe-effective'][0]['patterns'] + [
       "(completely|totally|perfectly|entirely|absolutely|100 percent|fully|utterly) (risk free|riskless)",
       "riskless", "safe for (everyone|anyone|all|all ages|teenagers|children|kids)", "(very|completely|totally|perfectly) natural and safe", "nothing (risky|dangerous|unsafe|harmful) about", "(no|zero) (danger|dangers|hazard)"]),
 rule("claims.risk-free", "Risk-free claim", "safety", "block", FDA_SAFETY,
      "Do not say the treatment is risk-free.", "Like any procedure it carries risks, including infection and tumour formation.",
      [p for p in old['rules'] if p['id'] == 'claims.risk-free'][0]['patterns'] + ["(no|zero|none of the) (risk|risks) (at all|whatsoever|involved|to you)", "nothing to (worry|fear) about"]),
 rule("claims.no-side-effects", "No-side-effects claim", "safety", "block", FDA_SAFETY,
      "Do not say there are no side effects.", "Side effects and risks have been reported, including infection and tumour formation; your physician can go through them with you.",
      [p for p in old['rules'] if p['id'] == 'claims.no-side-effects'][0]['patterns']),
 rule("claims.surgery-comparison", "Comparison with surgery or standard care", "comparison", "block", FTC_SCIA,
      "Do not present the treatment as better than, safer than, or a replacement for surgery or standard care.",
      "Conservative care (rest, physical therapy, bracing) is the established first-line treatment; please discuss every option, including surgery, with your own physician.",
      [p for p in old['rules'] if p['id'] == 'claims.surgery-comparison'][0]['patterns'] + ["(replaces|replace|replaced|removes|remove|eliminates|eliminate|ends|end) the need (for|of) {0,2} @surgery",
       "(better|safer|superior|preferable|more effective|less risky|less invasive|far better|much better|more successful|faster) {0,6} (than|to|over) {0,4} @surgery",
       "(avoid|avoids|avoided|avoiding|spare|spares|spared|escape|bypass|bypasses) {0,3} @surgery",
       "(never|no longer|wont|will not|not) {0,2} (need|needs|needed|require|requires|have|face|undergo) {0,3} (surgery|operation|fusion|operated|to be operated|surgeon|the knife|an operation|a fusion)",
       "(makes|make|made|renders|render) {0,3} (surgery|fusion|operation|operations|a fusion|an operation|surgeries) {0,2} (unnecessary|obsolete|redundant|avoidable|needless)",
       "(surgery|fusion|operation|operations) {0,3} (unnecessary|obsolete|no longer necessary|no longer needed|a thing of the past)"]),
 rule("claims.success-rate", "Numeric efficacy", "numeric", "review", FTC_NUMBERS,
      "Do not quote success rates, proportions or counts of successful patients.",
      "Evidence is limited to small, preliminary studies, and results vary.",
      ["#num (%|percent|per cent|pct|percentage) {0,4} (patient|patients|people|clients|athletes|cases|success|improvement|relief|reduction|better|satisfied|recovery|report|reported|see|saw|feel|felt|of our|improve|improved|return)",
       "(success|improvement|relief|reduction|recovery|satisfaction|effective|effectiveness|efficacy|results|better|improved) {0,5} #num (%|percent|per cent|pct)",
       "success (rate|rates|ratio|story|stories|record)", "#num (out of|in|of every|of each) #num",
       "(thousands|hundreds|dozens|millions|countless|many thousands) of {0,2} (successful|satisfied|happy|treated|patients|successes|success|people|athletes|procedures|treatments)",
       "(successful|successfully) {0,2} (treated|treating|treatments|procedures|cases|outcomes|patients)", "#num {0,2} (successful|satisfied|happy|successfully treated)",
       "(more than|over|nearly|almost) #num {0,2} (patients|people|athletes|procedures|treatments) {0,3} (treated|helped|successfully|improved)"]),
 rule("claims.testimonial", "Testimonial or anecdote", "testimonial", "review", FTC_ENDORSE,
      "A patient's story of an outcome is an efficacy claim: it needs substantiation and a clear statement of typical results.",
      "Results vary from person to person; we cannot say what your own result would be.",
      [">(a|an|one|our|my|this|that) {0,4} @person {0,14} @toutcome", ">one of (our|my|the) {0,1} (patients|clients|athletes|players|runners) {0,14} @toutcome",
       ">(told us|tells us|wrote to us|writes to us|shared with us|reports|reported|tells me|told me) {0,10} @toutcome", ">#num (year old|years old|yr old|yearold) {0,14} @toutcome",
       ">!(a|an|one|our|my|this|that) {0,4} @person {0,14} @toutcomeneg", ">!one of (our|my|the) {0,1} (patients|clients|athletes|players|runners) {0,14} @toutcomeneg",
       ">!(told us|tells us|wrote to us|writes to us|shared with us|reports|reported|tells me|told me) {0,10} @toutcomeneg", ">!#num (year old|years old|yr old|yearold) {0,14} @toutcomeneg",
       ">(his|her|their) (pain|back|life|career|season) {0,6} (gone|back|saved|changed|transformed|again|better)"]),
 rule("claims.hype", "Hype word", "marketing", "block", FTC_GUIDE,
      "Do not use hype words (revolutionary, breakthrough, miracle).", "an investigational treatment",
      [p for p in old['rules'] if p['id'] == 'claims.hype'][0]['patterns']),
 rule("claims.marketing-efficacy", "Marketing efficacy language", "marketing", "review", FTC_GUIDE,
      "Marketing phrases about healing environments, the body's own repair or promising results are efficacy claims when sent to a patient.",
      "The treatment is investigational; small, preliminary studies have not established whether it helps.",
      ["(favorable|favourable|optimal|ideal|perfect|healing|regenerative|supportive) (environment|conditions|setting|milieu) {0,5} (healing|repair|regeneration|recovery|heal|to heal|growth)",
       "(stimulate|stimulates|stimulating|activate|activates|activating|trigger|triggers|triggering|boost|boosts|boosting|harness|harnesses|harnessing|unlock|unlocks|kickstart|kickstarts|jumpstart|jumpstarts|support|supports|supporting|promote|promotes|promoting|enhance|enhances|enhancing|accelerate|accelerates|accelerating|speed up|speeds up|amplify|amplifies|awaken|awakens|encourage|encourages|encouraging) {0,5} (healing|repair|regeneration|regrowth|recovery|regenerative|renewal|heal|repairing)",
       "promising (results|outcomes|data|evidence|findings|success|effects|improvements)", "structural (improvement|improvements|changes|repair|gains|restoration|benefits)",
       "(body|bodys) {0,3} (repair|heal|regenerate|rebuild) (itself|themselves)", "regenerative (potential|power|powers|capacity|properties|abilities|effect|effects)",
       "(faster|quicker|speedier|accelerated) (recovery|healing|return)", "(natural|own) healing (process|processes|ability|abilities|capacity|power|response|mechanisms)",
       "(tissue|cartilage|bone|disc) (regeneration|regrowth|repair)", "(helps|help|helping) {0,3} (body|tissue|tissues|spine|disc) {0,1} (heal|repair|regenerate|recover)"]),
 rule("claims.urgency", "Fear-based urgency", "urgency", "review", FTC_URGENCY,
      "Do not pressure the patient with fear or deadlines about their health. Let them decide in their own time.",
      "Take the time you need to decide, and talk it over with your own physician.",
      ["before it (is|s) too late", "(act|decide|call|book) now or", "too late", "time is running out", "(dont|do not) wait (until|till|for) {0,4} (damage|worse|permanent|irreversible|too late|surgery|pain)",
       "(before|until) {0,3} (damage|it|condition|slip|fracture|degeneration) {0,3} (permanent|irreversible|worse|spreads|progresses)",
       "(waiting|wait|delay|delaying|every day|every week|every month) {0,6} (could|may|might|will|can) {0,3} (leave|make|cause|end|lead|result|mean) {0,4} (disabled|paralysed|paralyzed|permanent|worse|irreversible|crippled|disability)",
       "(end up|wind up) {0,3} (disabled|paralysed|paralyzed|crippled)"]),
]
doc = {"version": "claims-en-2026.12.1", "language": "en", "stem": True,
       "notes": "English claims screen rules (written in English, for English). Words are folded (case, accents, look-alike letters, invisible characters), HTML entities decoded, digits used as letters read as letters, disguised words rebuilt, then stemmed (Snowball English) on both sides. Syntax: word, (alt|alt two), {m,n} skip m..n words of the same sentence, #num a number, @name a word list from 'lexicon', a leading ! for a pattern stating an outcome negatively (a claim when negated: 'no patient has ever failed to heal'). Negation cues flip (two assert); 'distance' cues mark someone else's claim, a warning, a condition or conservative care. Bump the version whenever anything here changes: evidence records name it.",
       "numberWords": old['numberWords'] + ["thousand", "thousands", "dozen", "nine", "most"][:3], "lexicon": lex, "negation": neg, "rules": rules}
json.dump(doc, open(P, 'w'), indent=1, ensure_ascii=False)
print(len(rules))
