"""Every rule by its id: a sentence where it fires, and the claim (or silence) it must give.

Each case is (rule id, sentence, expected control claims as (place, actor, change)). For a rule
that makes claims, the claim must also cite the rule in ``Claim.rule``; for a block rule, the
sentence must give none of the claims listed in ``unblocked`` (what it would say without the block).
"""

from datetime import date

import pytest

from extract import Article, DateWindow, Extractor
from extract.rules import CATALOGUE

PUB = DateWindow(date(2018, 12, 11), date(2018, 12, 11), "test")

FIRES = [
    ("cue.shared", "تتقاسم قوات النظام وتنظيم «الدولة» السيطرة على مدينة دير الزور منذ أكثر من عامين.",
     {("deir_ez_zor", "SAA", "holds"), ("deir_ez_zor", "ISIS", "holds")}),
    ("cue.stationed_in", "وتضم المنطقة بلدة الشعفة التي يتمركز فيها مقاتلو التنظيم.", {("shaafa", "ISIS", "holds")}),
    ("cue.pocket", "وتقع بلدة السوسة ضمن الجيب الأخير لتنظيم داعش شرق الفرات.", {("sousa", "ISIS", "holds")}),
    ("cue.strongholds", "وتقدمت القوات نحو معاقل التنظيم الأخيرة وهي هجين والشعفة.",
     {("hajin", "ISIS", "holds"), ("shaafa", "ISIS", "holds")}),
    ("cue.flag", "ورفعت قوات سوريا الديمقراطية رايتها فوق بلدة هجين.", {("hajin", "SDF", "captured")}),
    ("cue.under_control", "وما زالت بلدة الباغوز تحت سيطرة التنظيم.", {("baghuz", "ISIS", "holds")}),
    ("cue.areas_of_control", "وتمتد مناطق سيطرة التنظيم على قرى: الشعفة والسوسة.",
     {("shaafa", "ISIS", "holds"), ("sousa", "ISIS", "holds")}),
    ("cue.lost_control", "وفقد التنظيم سيطرته على بلدة هجين.", {("hajin", "ISIS", "withdrew")}),
    ("cue.freed_transitive", "وحدات الجيش تحرر قرية السكرية من الإرهابيين", {("sukkariyah", "SAA", "captured")}),
    ("cue.freed_intransitive", "وسقطت بلدة الشعفة بيد قوات سوريا الديمقراطية بعد معارك.",
     {("shaafa", "SDF", "captured")}),
    ("cue.entered", "ودخلت قسد بلدة السوسة من جهتها الشمالية.", {("sousa", "SDF", "advanced")}),
    ("cue.confined", "وباتت القوات تحاصر التنظيم في بلدة الباغوز.", {("baghuz", "ISIS", "holds")}),
    ("cue.holds_pronoun", "أما بلدة هجين فيسيطر عليها التنظيم منذ سنوات.", {("hajin", "ISIS", "holds")}),
    ("cue.holds_present", "ويسيطر التنظيم على بلدة الشعفة.", {("shaafa", "ISIS", "holds")}),
    ("cue.subjected_to", "واستهدف القصف مسجدا في قرية الشعفة الخاضعة لتنظيم داعش.", {("shaafa", "ISIS", "holds")}),
    ("cue.restricted", "وباتت سيطرة التنظيم تقتصر على بلدة الباغوز.", {("baghuz", "ISIS", "holds")}),
    ("cue.handed", "وسلم التنظيم قوات النظام بلدة العشارة دون قتال.",
     {("asharah", "ISIS", "withdrew"), ("asharah", "SAA", "captured")}),
    ("cue.reached", "ووصلت قوات النظام إلى أطراف مدينة الميادين.", {("mayadin", "SAA", "advanced")}),
    ("cue.shrunk", "وانحسرت سيطرة التنظيم على بلدة الباغوز.", {("baghuz", "ISIS", "holds")}),
    ("cue.word", "واستعادت قوات النظام مدينة الميادين.", {("mayadin", "SAA", "captured")}),
    ("sentence.headline", "قسد تسيطر على بلدة هجين\nوتفاصيل أخرى في التقرير.", {("hajin", "SDF", "captured")}),
    ("target.list_carried", "ويسيطر التنظيم على هجين أكبر معاقله، إلى جانب بلدات السوسة والشعفة.",
     {("hajin", "ISIS", "holds"), ("sousa", "ISIS", "holds"), ("shaafa", "ISIS", "holds")}),
    ("target.object", "وسيطرت قسد على بلدات هجين والشعفة والسوسة.",
     {("hajin", "SDF", "captured"), ("shaafa", "SDF", "captured"), ("sousa", "SDF", "captured")}),
    ("target.relative_clause", "وصلت القوات إلى مدينة البوكمال، التي كان الجيش استعادها من التنظيم.",
     {("abu_kamal", "SAA", "captured")}),
    ("target.anaphor", "واندلعت معارك في بلدة الشعفة. وتمكنت قسد من السيطرة على المنطقة بالكامل.",
     {("shaafa", "SDF", "captured")}),
    ("cue.word", "وجاءت خسارة التنظيم لبلدة الشعفة بعد معارك استمرت أسابيع.", {("shaafa", "ISIS", "withdrew")}),
    ("cue.under_control", "ولا تزال مدينة البوكمال تخضع لسيطرة الميليشيات الإيرانية.", {("abu_kamal", "SAA", "holds")}),
    ("cue.entered", "ودخلت قوات النظام بلدة العشارة في ريف الميادين صباح اليوم دون مقاومة.", {("asharah", "SAA", "captured")}),
    ("cue.restored_security", "وأعادت وحدات من الجيش الأمن والاستقرار إلى بلدة القورية بعد القضاء على آخر تجمعات الإرهابيين.",
     {("quriyah", "SAA", "captured")}),
    ("cue.at_the_gates", "قسد على مشارف بلدة الشعفة بعد يومين من المعارك", {("shaafa", "SDF", "advanced")}),
    ("target.predicate", "وتعد بلدة السوسة من أهم معاقل التنظيم شرق الفرات.", {("sousa", "ISIS", "holds")}),
    ("actor.agent", "وتمت السيطرة على قرية البحرة شرقي دير الزور من قبل قوات سوريا الديمقراطية.",
     {("bahra", "SDF", "captured")}),
    ("actor.attacker", "وتصدت وحدات الجيش لهجوم شنه عناصر داعش على مدينة الميادين.",
     {("mayadin", "SAA", "repelled")}),
    ("target.trailing_advance", "وشهدت بلدة السوسة معارك عنيفة تبعها تقدم لقسد.", {("sousa", "SDF", "advanced")}),
    ("target.witnessed", "وشهدت قرى الشعفة والبوخاطر خلال اليومين الماضيين انسحاب عناصر التنظيم نحو هجين.",
     {("shaafa", "ISIS", "withdrew"), ("bukhatir", "ISIS", "withdrew")}),
    ("target.antecedent", "بلدة الباغوز الواقعة تحت سيطرة داعش تتعرض للقصف.", {("baghuz", "ISIS", "holds")}),
    ("target.post_list", "وتبقى تحت سيطرة التنظيم: هجين والسوسة.",
     {("hajin", "ISIS", "holds"), ("sousa", "ISIS", "holds")}),
    ("target.post_list", "وتشمل المناطق الخاضعة لسيطرة قسد قرى البحرة والجلاء في ريف دير الزور.",
     {("bahra", "SDF", "holds"), ("jalaa", "SDF", "holds")}),
    ("target.list", "وهاجمت القوات معاقل التنظيم، ومنها الشعفة والباغوز.",
     {("shaafa", "ISIS", "holds"), ("baghuz", "ISIS", "holds")}),
    ("source.speaker", "وقالت مصادر محلية إن قسد سيطرت على بلدة السوسة.", {("sousa", "SDF", "captured")}),
    ("source.according_to", "وسيطرت قسد على بلدة السوسة، بحسب المرصد السوري.", {("sousa", "SDF", "captured")}),
    ("source.outlet", "وسيطرت قسد على بلدة السوسة.", {("sousa", "SDF", "captured")}),
]

# Block rules: the sentence must not give these claims.
BLOCKS = [
    ("block.subsumed", "ودخل الجيش السوري بلدة معدان، وسيطر عليها بشكل كامل بعد معارك مع تنظيم داعش.",
     {("madan", "SAA", "advanced")}),
    ("block.sided_with", "وباتت بلدة ذيبان تحت سيطرة قسد، بعد أن انحاز إليها مئات المقاتلين المحليين.",
     {("diban", "SDF", "withdrew")}),
    ("block.reinforcements", "ودخلت تعزيزات عسكرية لقوات النظام إلى مدينة الميادين.", {("mayadin", "SAA", "advanced")}),
    ("block.intent", "وقسد في بلدة هجين. وقال المتحدث إن الحملة ستتواصل حتى الوصول إلى الحدود الإدارية مع دير الزور وتحرير كامل المنطقة.",
     {("deir_ez_zor", "SDF", "captured")}),
    ("block.negated", "ودخلت أرتال قسد إلى أطراف بلدة البصيرة، فيما لم تعلن «قسد» بعد سيطرتها الكاملة على البلدة.",
     {("busayrah", "SDF", "captured")}),
    ("block.subsumed", "وتمكنت قوات النظام من التقدم والسيطرة على بلدة القورية بعد معارك.", {("quriyah", "SAA", "advanced")}),
    ("block.negated", "وأخفقت قوات النظام مجدداً في اقتحام بلدة الجلاء رغم الإسناد الجوي.",
     {("jalaa", "SAA", "captured"), ("jalaa", "SAA", "advanced")}),
    ("block.intent", "وقال القيادي إن قواتهم تحتاج إلى دعم جوي قبل الشروع في اقتحام بلدة الشعفة.",
     {("shaafa", "SDF", "captured"), ("shaafa", "ISIS", "captured"), ("shaafa", "SDF", "advanced"),
      ("shaafa", "ISIS", "advanced")}),
    ("block.question", "قراءة | هل تتمكن قوات النظام من استعادة مدينة الميادين قبل نهاية العام؟",
     {("mayadin", "SAA", "captured")}),
    ("block.question", "فهل سيطرت قسد فعلاً على بلدة الشعفة؟", {("shaafa", "SDF", "captured")}),
    # A goal stated with a copula: الهدف ... هو السيطرة على.
    ("block.intent", "وأوضح القيادي أن الهدف من الهجوم الجديد على جبهة التنظيم هو السيطرة على قرية البحرة.",
     {("bahra", "SDF", "captured"), ("bahra", "ISIS", "captured")}),
    # A checkpoint on the road between two towns: both only locate it (the second too, after و).
    ("place.locator", "وهاجمت خلايا التنظيم حاجزاً لقسد على الطريق الرابط بين ذيبان والشحيل وسيطرت عليه.",
     {("diban", "ISIS", "captured"), ("shuheil", "ISIS", "captured")}),
    ("block.civilians", "وقصفت الطائرات الميادين بالتزامن مع دخول المواطنين إلى مساجد المدينة.",
     {("mayadin", "COALITION", "advanced")}),
    ("block.reinforcements", "ووصلت تعزيزات من قسد إلى أطراف بلدة هجين.", {("hajin", "SDF", "advanced")}),
    ("cue.reached", "ووصلت تعزيزات عسكرية لقوات النظام إلى مدينة الميادين.", {("mayadin", "SAA", "advanced")}),
    ("block.negated", "ولم تسيطر قسد على بلدة هجين.", {("hajin", "SDF", "captured")}),
    ("block.irrealis", "ومن المتوقع أن تسيطر قسد على بلدة هجين قريبا.", {("hajin", "SDF", "captured")}),
    ("block.intent", "وتحاول قسد السيطرة على بلدة هجين.", {("hajin", "SDF", "captured")}),
    ("block.failure", "وهاجمت قسد بلدة هجين للسيطرة عليها لكن الهجوم باءت بالفشل.", {("hajin", "SDF", "captured")}),
]

# Rules that change a reading rather than make one: (id, sentence, claims expected, claims that must be absent).
SHAPES = [
    # «in the hands of» with a copula: became is a capture, still a hold; with none (an appositive) nothing.
    ("cue.in_hands", "وباتت بلدة هجين بيد قوات سوريا الديمقراطية.", {("hajin", "SDF", "captured")}, set()),
    ("cue.in_hands", "ولا تزال بلدة الباغوز في يد التنظيم.", {("baghuz", "ISIS", "holds")}, set()),
    ("cue.in_hands", "الجيش السوري يدخل مدينة البوكمال، آخر المدن الكبرى بيد داعش.", {("abu_kamal", "SAA", "advanced")},
     {("abu_kamal", "ISIS", "holds")}),
    # «has come under the control of» is a capture; «is still under» a hold.
    ("cue.under_control", "وباتت بلدات الشحيل وذيبان والحوايج تحت سيطرة قوات سوريا الديمقراطية.",
     {("shuheil", "SDF", "captured"), ("diban", "SDF", "captured"), ("hawaij", "SDF", "captured")},
     {("diban", "SDF", "holds")}),
    ("cue.under_control", "ولا تزال بلدة هجين تحت سيطرة التنظيم.", {("hajin", "ISIS", "holds")}, {("hajin", "ISIS", "captured")}),
    # Entering after the other side withdrew takes the place; amid its withdrawal, an entry.
    ("cue.entered", "ودخلت قسد معمل غاز كونيكو بعد انسحاب عناصر التنظيم منه.",
     {("conoco_gas_plant", "SDF", "captured"), ("conoco_gas_plant", "ISIS", "withdrew")}, set()),
    ("cue.entered", "ودخلت قسد بلدة مركدة وسط انسحاب تنظيم داعش.", {("markadah", "SDF", "advanced")},
     {("markadah", "SDF", "captured")}),
    # Two governorates «between» which a town lies only locate it; «it» is the town.
    ("place.locator", "ودخل الجيش السوري بلدة معدان على الحدود بين محافظتي الرقة ودير الزور، وسيطر عليها بالكامل.",
     {("madan", "SAA", "captured")}, {("raqqa", "SAA", "captured"), ("deir_ez_zor", "SAA", "captured")}),
    # Forced to withdraw: the forced one withdrew and the one who forced it took the place, in either order.
    ("also.forcer", "وأرغم الجيش مسلحي داعش على الفرار من قرية الجلاء.",
     {("jalaa", "ISIS", "withdrew"), ("jalaa", "SAA", "captured")}, {("jalaa", "SAA", "withdrew")}),
    ("also.forcer", "وقسد أجبرت التنظيم على الانسحاب من بلدة الشعفة.",
     {("shaafa", "ISIS", "withdrew"), ("shaafa", "SDF", "captured")}, set()),
    # A masculine place noun takes بات / أصبح between it and «under the control of».
    ("cue.under_control", "وأشار المرصد إلى أن حقل الورد النفطي بات تحت سيطرة قوات النظام.",
     {("al_ward_oilfield", "SAA", "captured")}, set()),
    # «was expelled»: with its damma, with no object before من, or one party only before من — that party
    # withdrew; the verbal noun after another verb (تعلن طرد) and the active verb (two parties) are not passive.
    ("actor.passive", "وكانت قوات النظام قد طُردت من بلدة حطلة قبل يومين إثر هجوم مباغت.",
     {("hatla", "SAA", "withdrew")}, {("hatla", "SAA", "captured")}),
    ("actor.passive", "وطرد عناصر التنظيم من قرية الشعفة.", {("shaafa", "ISIS", "withdrew")}, {("shaafa", "ISIS", "captured")}),
    ("also.expelled", "وطردت قسد عناصر التنظيم من قرية الشعفة.",
     {("shaafa", "SDF", "captured"), ("shaafa", "ISIS", "withdrew")}, set()),
    ("also.expelled", "قوات سوريا الديمقراطية تعلن طرد تنظيم داعش من بلدة هجين",
     {("hajin", "SDF", "captured"), ("hajin", "ISIS", "withdrew")}, set()),
    # Storming a town is breaking into it, an advance: the fighting goes on inside.
    ("cue.word", "اقتحمت قوات سوريا الديمقراطية، فجر اليوم، بلدة الشعفة من محورين، وتدور اشتباكات عنيفة داخلها.",
     {("shaafa", "SDF", "advanced")}, {("shaafa", "SDF", "captured")}),
    # A verbal noun (تحرير) has no gender to agree with: the last doer named before did it ...
    ("actor.previous", "الجيش يواصل تقدمه جنوب الميادين. بعد أيام من تحرير مدينة الميادين، سيطرت وحدات الجيش العربي السوري على بلدة القورية.",
     {("mayadin", "SAA", "captured"), ("quriyah", "SAA", "captured")}, set()),
    # ... and an owner hung by ل on a stronghold only describes: it is not that doer.
    ("actor.previous", "أعلن الجيش السوري تحرير مدينة البوكمال، آخر معقل لتنظيم داعش. وأكد البيان أن تحرير البوكمال أنهى مشروع التنظيم.",
     {("abu_kamal", "SAA", "captured")}, {("abu_kamal", "ISIS", "captured")}),
    # «the northern outskirts of» names the place reached; a compass word alone locates.
    ("place.locator", "ووصلت قوات النظام إلى المشارف الشمالية لبلدة الشعفة.", {("shaafa", "SAA", "advanced")}, set()),
    ("place.locator", "وقال المتحدث باسم هيئة الحشد الشعبي إن ألوية الحشد دخلت الأطراف الجنوبية لقضاء القائم.",
     {("al_qaim", "PMF", "advanced")}, set()),
    ("place.locator", "وتقدمت قسد في قرية الكشمة الواقعة على الأطراف الشمالية لناحية هجين.",
     {("kashma", "SDF", "advanced")}, {("hajin", "SDF", "advanced")}),
    # «منها» after a capture and a move toward another town: they withdrew from the town taken.
    ("target.anaphor", "سيطرت قوات النظام على بلدة موحسن، وتقدمت باتجاه مدينة الميادين، بعد انسحاب عناصر داعش منها.",
     {("muhasan", "ISIS", "withdrew"), ("mayadin", "SAA", "advanced")}, {("mayadin", "ISIS", "withdrew")}),
    # The verbal noun of «tightened its grip» is a capture told in the background; a goal stays a goal.
    ("cue.word", "وتوغلت قسد داخل بلدة السوسة، بعد أسبوع من إحكام قبضتها على بلدة هجين.",
     {("sousa", "SDF", "advanced"), ("hajin", "SDF", "captured")}, set()),
    ("cue.word", "وتسعى قسد إلى إحكام قبضتها على بلدة هجين.", set(), {("hajin", "SDF", "captured")}),
    # Columns of a party entering a town are its advance (reinforcements arriving are not).
    ("cue.entered", "دخلت أرتال من «قوات سوريا الديمقراطية» إلى بلدة البصيرة بعد مفاوضات مع وجهاء العشائر.",
     {("busayrah", "SDF", "advanced")}, set()),
    # حتى before a past verb is "until": the capture happened.
    ("cue.word", "واستمرت المعارك حتى سيطرت قسد على بلدة هجين.", {("hajin", "SDF", "captured")}, set()),
    # «منها» after a list: every place of the list, the و inside a name's mention or not.
    ("target.anaphor", "وسيطرت قسد على قرى أبو حمام والكشكية وغرانيج، بعد انسحاب عناصر التنظيم منها باتجاه هجين.",
     {("abu_hamam", "ISIS", "withdrew"), ("kishkiyah", "ISIS", "withdrew"), ("gharanij", "ISIS", "withdrew")}, set()),
    # «تلك الأحياء» points back to districts: a village named last is not one.
    ("target.anaphor", "وسيطر الجيش على قرية الحسينية. وانسحب عناصر التنظيم من تلك الأحياء باتجاه البادية.",
     {("husseiniya", "SAA", "captured")}, {("husseiniya", "ISIS", "withdrew")}),
    # The place a pocket is said of was just taken: the pocket is what it was; after a goal it still is.
    ("target.state_before", "وحررت قوات سوريا الديمقراطية بلدة الباغوز شرقي دير الزور، آخر معقل لداعش في سوريا.",
     {("baghuz", "SDF", "captured")}, {("baghuz", "ISIS", "holds")}),
    ("cue.pocket", "وأعلنت قسد بدء معركة لتحرير ما تبقى من قرية الباغوز التي تعتبر آخر جيب لداعش.",
     {("baghuz", "ISIS", "holds")}, {("baghuz", "SDF", "captured")}),
    # A generic force noun is the last actor named with its head noun, not the last actor named.
    ("actor.same_head", "واستعاد التنظيم بلدة القورية بعد انسحاب ميليشيات أسد منها، فيما لا تزال الميليشيات تسيطر على مدينة الميادين.",
     {("mayadin", "SAA", "holds")}, {("mayadin", "ISIS", "holds")}),
    # ... else the last actor credited with a deed, not the one a place was last said to be held by.
    ("actor.same_head", "ودخل الجيش السوري مدينة البوكمال، آخر المدن بيد داعش. وقال مصدر إن القوات المتقدمة تسيطر على نصف المدينة.",
     {("abu_kamal", "SAA", "advanced")}, {("abu_kamal", "ISIS", "holds")}),
    # The enemy a clash is fought with, under what each side's media call it, is not the doer of the next verb.
    ("actor.target", "وحررت قوات سوريا الديمقراطية بلدة ذيبان بعد اشتباكات مع مرتزقة داعش. وحررت القوات أيضاً قرية الحوايج.",
     {("diban", "SDF", "captured"), ("hawaij", "SDF", "captured")}, {("hawaij", "ISIS", "captured")}),
    # A nominative head (مسلحو) is the subject of the verb before it, not its object.
    ("actor.target", "وطرد مسلحو داعش القوات الحكومية من بلدة الشعفة.", {("shaafa", "ISIS", "captured")},
     {("shaafa", "SAA", "captured")}),
    # Generic units of whichever army are not the YPG's الوحدات.
    ("actor.previous", "وأحكم الجيش السوري سيطرته على بلدة الشولا. وتواصل الوحدات العسكرية تقدمها باتجاه بلدة كباجب.",
     {("kabajeb", "SAA", "advanced")}, {("kabajeb", "SDF", "advanced")}),
    # Entrenched in a named place holds it; a place only inside an actor's name is no place.
    ("cue.stationed_in", "وقال مراسل إن مقاتلي التنظيم لا يزالون يتحصنون في مخيم صغير داخل بلدة الباغوز.",
     {("baghuz", "ISIS", "holds")}, set()),
    ("place.locator", "وصد مقاتلو مجلس دير الزور العسكري هجوماً لخلايا داعش على نقطة في بلدة ذيبان.",
     {("diban", "SDF", "repelled")}, {("deir_ez_zor", "SDF", "repelled")}),
    # An actor right before an expelling verb expelled the one after it.
    ("also.expelled", "وقال التحالف إن قوات سوريا الديمقراطية طردت تنظيم داعش من بلدة هجين.",
     {("hajin", "SDF", "captured"), ("hajin", "ISIS", "withdrew")}, {("hajin", "ISIS", "captured")}),
    ("target.fled_from", "ودخلت قوات النظام بلدة العشارة بعد معارك. وأفاد ناشطون بأن عناصر التنظيم فروا باتجاه البادية.",
     {("asharah", "SAA", "advanced"), ("asharah", "ISIS", "withdrew")}, set()),
    ("place.locator", "وتقدمت القوات العراقية مسافة 10 كيلومترات باتجاه قضاء القائم.", {("al_qaim", "IRAQ", "advanced")}, set()),
    # A stronghold said of the place just taken is what it was before: no «ISIS holds».
    ("target.state_before", "وأعلنت قسد سيطرتها الكاملة على بلدة الشعفة، أحد أبرز معاقل التنظيم المتبقية.",
     {("shaafa", "SDF", "captured")}, {("shaafa", "ISIS", "holds")}),
    ("cue.reached", "ووصلت طلائع قوات النظام والميليشيات الموالية لها، مساء الأحد، إلى مشارف بلدة العشارة.",
     {("asharah", "SAA", "advanced")}, set()),
    # An administrative unit right after the cue is the object, not a locator (قرية X في ناحية Y is).
    ("place.locator", "وأعلنت القوات العراقية تحرير قضاء القائم بالكامل.", {("al_qaim", "IRAQ", "captured")}, set()),
    ("place.locator", "وسيطرت قسد على قرية البحرة في ناحية هجين.", {("bahra", "SDF", "captured")},
     {("hajin", "SDF", "captured")}),
    # The actor a relative word follows does the deed of its clause, not the first actor of the sentence.
    ("actor.relative_antecedent", "فر عناصر التنظيم من قرية البحرة أمام تقدم قوات النظام، التي أحكمت سيطرتها على القرية.",
     {("bahra", "SAA", "captured")}, {("bahra", "ISIS", "captured")}),
    # «وتمكنت ... من السيطرة»: the verbal noun takes the governing verb's gender: قسد, not التنظيم.
    ("actor.previous", "واصلت قسد عملياتها ضد آخر جيوب التنظيم. وتمكنت أمس من السيطرة على قرية البحرة.",
     {("bahra", "SDF", "captured")}, {("bahra", "ISIS", "captured")}),
    # «من قبل» after another deed (القصف) names that deed's agent, not the capture's.
    ("actor.agent", "وتقدمت قسد وسيطرتها على نصف بلدة هجين، في ظل القصف المكثف من قبل التحالف الدولي.",
     {("hajin", "SDF", "captured")}, {("hajin", "COALITION", "captured")}),
    # A verb with its object as a suffix (تستعيدها) points back to the place named last.
    ("target.anaphor", "هاجم التنظيم قرية البحرة فجر اليوم، قبل أن تستعيدها قسد بعد ساعات.",
     {("bahra", "SDF", "captured")}, set()),
    # A list whose names stand in quotes, with a place word (عقدة) and بالإضافة إلى between them.
    ("target.object", "واستعاد الجيش بلدة “الشولا” المهمة، وعقدة “كباجب” بالإضافة إلى حقل «الخراطة» النفطي.",
     {("shoula", "SAA", "captured"), ("kabajeb", "SAA", "captured"), ("kharata_oilfield", "SAA", "captured")}, set()),
    # «البلدة» is a settlement: the town named before the oil field, not the field named last.
    ("target.anaphor", "وتقدمت قسد في بلدة ذيبان ثم في حقل العمر. وأكدت قسد السيطرة على البلدة بالكامل.",
     {("diban", "SDF", "captured")}, {("al_omar_oilfield", "SDF", "captured")}),
    ("place.locator", "وسيطرت قسد على قرية البحرة شرقي بلدة هجين.", {("bahra", "SDF", "captured")},
     {("hajin", "SDF", "captured")}),
    ("target.destination", "وانسحب مسلحو التنظيم من بلدة الشعفة باتجاه السوسة.", {("shaafa", "ISIS", "withdrew")},
     {("sousa", "ISIS", "withdrew")}),
    ("actor.target", "وشن التنظيم هجوما على مواقع قسد في بلدة الشعفة وسيطر على البلدة.",
     {("shaafa", "ISIS", "captured")}, {("shaafa", "SDF", "captured")}),
    ("actor.supporter", "وسيطرت قسد بدعم من التحالف الدولي على بلدة هجين.", {("hajin", "SDF", "captured")},
     {("hajin", "COALITION", "captured")}),
    ("actor.in_hands", "وسقطت بلدة السوسة في قبضة تنظيم داعش.", {("sousa", "ISIS", "captured")},
     {("sousa", "SDF", "captured")}),
    ("source.refers_back", "وقال المرصد السوري إن المعارك مستمرة. وأشارت المصادر إلى أن قسد سيطرت على بلدة هجين.",
     {("hajin", "SDF", "captured")}, set()),
    ("source.continues", "وقالت مصادر محلية إن قسد سيطرت على بلدة هجين. وأضافت أن قسد تقدمت نحو بلدة الشعفة.",
     {("hajin", "SDF", "captured"), ("shaafa", "SDF", "advanced")}, set()),
    ("target.coordinated_before", "وقصف الطيران بلدة السوسة وقرية الشعفة وبلدة هجين الخاضعة لسيطرة التنظيم.",
     {("sousa", "ISIS", "holds"), ("shaafa", "ISIS", "holds"), ("hajin", "ISIS", "holds")}, set()),
    ("target.concurrent", "ودخلت قسد بلدة الشعفة وسط انسحاب مسلحي التنظيم.",
     {("shaafa", "SDF", "advanced"), ("shaafa", "ISIS", "withdrew")}, set()),
    ("actor.descriptive_owner", "وسيطرت قسد على آخر جيب لتنظيم داعش في بلدة الباغوز.",
     {("baghuz", "SDF", "captured")}, {("baghuz", "ISIS", "captured")}),
    ("actor.coordinated", "وتمكنت قوات النظام وميليشيات الحشد الشعبي من السيطرة على مدينة البوكمال.",
     {("abu_kamal", "SAA", "captured"), ("abu_kamal", "PMF", "captured")}, set()),
    ("actor.previous", "وتواصل قسد هجومها شرق الفرات. وتقدمت أمس نحو بلدة الشعفة.",
     {("shaafa", "SDF", "advanced")}, set()),
    ("also.expelled", "وطردت قسد مسلحي داعش من بلدة هجين.", {("hajin", "SDF", "captured"), ("hajin", "ISIS", "withdrew")},
     set()),
    ("also.receiver", "وسلم التنظيم قوات النظام بلدة العشارة.", {("asharah", "SAA", "captured")}, set()),
    ("also.besieger", "وحاصرت قوات النظام تنظيم داعش في مدينة البوكمال.",
     {("abu_kamal", "ISIS", "holds"), ("abu_kamal", "SAA", "advanced")}, set()),
    ("actor.possessive", "وتواصل قسد هجومها، عبر تقدمها وسيطرتها على نصف بلدة الباغوز فوقاني.",
     {("baghuz_fawqani", "SDF", "captured")}, set()),
    ("actor.in_relative", "وشنت قسد هجوما على بلدة الباغوز، التي يسيطر عليها التنظيم، مع تقدم على أطراف المنطقة.",
     {("baghuz", "ISIS", "holds")}, {("baghuz", "ISIS", "advanced")}),
    ("place.qualifier", "وسيطرت قسد على قرى في دير الزور وعلى كامل بلدة السوسة بدير الزور.",
     {("sousa", "SDF", "captured")}, {("deir_ez_zor", "SDF", "captured")}),
    ("place.qualifier", "وسيطرت قسد على قرى في محافظة دير الزور وعلى بلدة السوسة.",
     {("sousa", "SDF", "captured")}, {("deir_ez_zor_governorate", "SDF", "captured")}),
    ("change.toward", "وسيطرت قسد على تلال باتجاه بلدة الشعفة.", {("shaafa", "SDF", "advanced")},
     {("shaafa", "SDF", "captured")}),
    ("source.between", "وقال المرصد السوري إن المعارك مستمرة. وتقدمت قسد نحو بلدة الشعفة. وأوضح المرصد أن القصف مستمر.",
     {("shaafa", "SDF", "advanced")}, set()),
    ("target.origin", "وتقدمت قوات قسد قادمة من بلدة الشعفة.", set(), {("shaafa", "SDF", "advanced")}),
    ("actor.forced", "وسيطرت قسد على بلدة الشعفة بعد معارك مع التنظيم أجبرته على الانسحاب منها.",
     {("shaafa", "SDF", "captured"), ("shaafa", "ISIS", "withdrew")}, {("shaafa", "SDF", "withdrew")}),
    ("target.state_before", "وجاء تحرير بلدة الشعفة الواقعة تحت سيطرة داعش بعد ساعات من بدء المعركة.",
     set(), {("shaafa", "ISIS", "holds")}),
    ("source.lead", "وتقدم التنظيم في ريف دير الزور بحسب رويترز. وشن التنظيم هجوما سيطر خلاله على بلدة السوسة.",
     {("sousa", "ISIS", "captured")}, set()),
    ("target.anaphor", "وتقع قاعدة التحالف في حقل التنك. وجاء الهجوم بعد استعادة التنظيم للمناطق التي خسرها.",
     set(), {("al_tanak_oilfield", "ISIS", "captured")}),
    ("source.clause_ends", "وأعلنت قسد سيطرتها على قرية البحرة، في حين تتقدم قوات النظام نحو بلدة الميادين.",
     {("mayadin", "SAA", "advanced")}, set()),
    ("sentence.cap", "وسيطرت قسد على بلدة هجين" + "، وقرية ما" * 600 + ".", {("hajin", "SDF", "captured")}, set()),
]

EXPECTED_SOURCE = {"source.speaker": "local sources", "source.according_to": "SOHR", "source.outlet": "outlet",
                   "source.refers_back": "SOHR", "source.continues": "local sources", "source.between": "SOHR", "source.lead": "Reuters", "source.clause_ends": "outlet"}


@pytest.fixture(scope="module")
def ex():
    return Extractor()


def _control(ex, text):
    return [c for c in ex.extract(Article("t", text, "t.txt", outlet="Test", published=PUB)) if c.kind == "control"]


@pytest.mark.parametrize(("rule", "text", "want"), FIRES, ids=[c[0] for c in FIRES])
def test_rule_fires(ex, rule, text, want):
    claims = _control(ex, text)
    assert {(c.place, c.actor, c.change) for c in claims} == want
    if not rule.startswith(("sentence.", "cue.handed", "target.list_carried")):
        assert all(rule in c.rule.split("+") for c in claims), [c.rule for c in claims]
    if rule in EXPECTED_SOURCE:
        assert {c.attributed_to for c in claims} == {EXPECTED_SOURCE[rule]}


@pytest.mark.parametrize(("rule", "text", "unblocked"), BLOCKS, ids=[c[0] for c in BLOCKS])
def test_rule_blocks(ex, rule, text, unblocked):
    assert not ({(c.place, c.actor, c.change) for c in _control(ex, text)} & unblocked)


@pytest.mark.parametrize(("rule", "text", "want", "absent"), SHAPES, ids=[c[0] for c in SHAPES])
def test_rule_shapes(ex, rule, text, want, absent):
    claims = _control(ex, text)
    got = {(c.place, c.actor, c.change) for c in claims}
    assert want <= got and not (got & absent), got
    if rule in EXPECTED_SOURCE:
        assert {c.attributed_to for c in claims if (c.place, c.actor, c.change) in want} == {EXPECTED_SOURCE[rule]}


def test_every_rule_has_a_test():
    tested = {c[0] for c in FIRES} | {c[0] for c in BLOCKS} | {c[0] for c in SHAPES}
    assert set(CATALOGUE) - tested - {"cue.event"} == set()
    assert tested <= set(CATALOGUE)


def test_claims_cite_known_rules(ex):
    for _rule, text, _ in FIRES:
        for c in _control(ex, text):
            assert set(c.rule.split("+")) <= set(CATALOGUE), c.rule
