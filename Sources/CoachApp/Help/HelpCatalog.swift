import CoachCore

/// The one help text, in both languages: `help` in the session, `coach --help` and
/// `coach help CMD` all render from this table.
public struct HelpEntry: Sendable {
  public enum Group: Int, Sendable, CaseIterable { case plans, prepare, practice, session }
  /// Where the command works: inside the session, as `coach CMD`, or both.
  public enum Place: Sendable { case session, both }

  public var name: String
  public var aliases: [String] = []
  public var synopsis: String
  /// The synopsis with Chinese placeholders (nil when it has none to translate).
  public var synopsisZh: String? = nil
  public var group: Group
  public var place: Place
  public var summary: (en: String, zh: String)
  public var details: (en: String, zh: String)
  /// Words the argument accepts, for completion.
  public var argumentWords: ArgumentWords = .none

  public enum ArgumentWords: Sendable { case none, plans, sections, commands, fixed([String]), plansThenSections }
}

extension HelpEntry {
  public func synopsis(_ l: L10n) -> String { l.lang == .zh ? (synopsisZh ?? synopsis) : synopsis }
}

public enum HelpCatalog {
  public static let entries: [HelpEntry] = [
    HelpEntry(
      name: "new", synopsis: "new NAME", synopsisZh: "new 名称", group: .plans, place: .both,
      summary: ("Create an account plan and open it.", "新建一个客户计划并打开它。"),
      details: (
        "The plan is saved at once in the workspace as plans/ID.json, where ID is the name in lower case with spaces as dashes (Chinese names stay as they are).",
        "计划会立即保存到工作区的 plans/ID.json，ID 由名称转为小写、空格变为短横线得到（中文名称保持不变）。"
      )),
    HelpEntry(
      name: "open", synopsis: "open NAME", synopsisZh: "open 名称", group: .plans, place: .session,
      summary: ("Open an account plan by name or id.", "按名称或 ID 打开客户计划。"),
      details: (
        "Only one session can change a plan at a time; a second session opens it read-only.",
        "同一时间只有一个会话可以修改某个计划；第二个会话会以只读方式打开。"
      ),
      argumentWords: .plans),
    HelpEntry(
      name: "list", synopsis: "list [--sort updated|name|completeness|warnings] [--format table|json] [--stale-days N]", group: .plans, place: .both,
      summary: ("List the account plans with their health: completeness, last update, warnings.", "列出客户计划及其健康状况：完成度、最近更新、警告数。"),
      details: (
        "Completeness is the share of each section's prompts that have an answer, averaged over the sections. A plan not updated for 30 days counts as stale (`--stale-days N`). `--format json` prints the same list as JSON for scripts.",
        "完成度是各部分已回答提示所占比例的平均值。超过 30 天未更新的计划视为过期（`--stale-days N`）。`--format json` 以 JSON 格式输出，便于脚本使用。"
      )),
    HelpEntry(
      name: "show", synopsis: "show [PLAN] [SECTION]", synopsisZh: "show [计划] [部分]", group: .plans, place: .both,
      summary: ("Show the open plan, or one section of it.", "查看已打开的计划，或其中的某一部分。"),
      details: (
        "Sections: account, value, stakeholders, discovery, questions, objections, negotiation, actions, timeline (the meetings with their debriefs), management (keeping the won account), deal. Outside the session name the plan first: `coach show Acme stakeholders`.",
        "部分包括：account、value、stakeholders、discovery、questions、objections、negotiation、actions、timeline（会谈及其复盘）、management（已签约客户的维护）、deal。在会话外需先写计划名：`coach show Acme stakeholders`。"
      ),
      argumentWords: .plansThenSections),
    HelpEntry(
      name: "close", synopsis: "close", group: .plans, place: .session,
      summary: ("Close the open plan.", "关闭当前计划。"),
      details: ("Everything is already saved; closing releases the plan for other sessions.", "所有内容都已保存；关闭后其他会话即可编辑该计划。")),
    HelpEntry(
      name: "undo", synopsis: "undo", group: .plans, place: .session,
      summary: ("Undo the last change made in this session, and save.", "撤销本次会话中的最后一次修改，并保存。"),
      details: ("Each `undo` goes one change further back, as far as the start of the session.", "每次 `undo` 向前撤销一次修改，最多撤销到本次会话开始时。")),
    HelpEntry(
      name: "profile", synopsis: "profile", group: .prepare, place: .session,
      summary: ("Account analysis: classification, value assessment, portrait.", "客户分析：分类、价值评估、客户画像。"),
      details: (
        "Walks through the four classifications (purchasing power, industry, cooperation stage, decision mode), scores the value-assessment model (four values × three criteria, 1–5) and records the five areas of the account portrait. Every answer is saved the moment you give it.",
        "依次完成四种分类（购买力、行业、合作阶段、决策模式），为客户价值评估模型打分（四类价值×三项标准，1–5 分），并记录客户画像的五个方面。每个回答都会立即保存。"
      )),
    HelpEntry(
      name: "stakeholders", synopsis: "stakeholders [add|edit|links|remove] [NAME]", synopsisZh: "stakeholders [add|edit|links|remove] [姓名]", group: .prepare, place: .session,
      summary: ("Map the decision makers: role, influence, attitude.", "梳理决策者：角色、影响力、态度。"),
      details: (
        "`stakeholders` shows everyone, the relationship matrix and the tree of reporting lines and influence; `add` walks through a new person (type `unsure` at the role question for a guide); `edit NAME` and `remove NAME` change the list (removing someone clears the links to them). `links NAME` deepens the map: the other roles they hold (the CFO is often the final decision maker too), whom they report to and whose view they sway (names from the list), who on our side owns the relationship and when we last spoke. `check` flags an influential person (4–5) with no owner, or not spoken to for 60 days.",
        "`stakeholders` 显示所有人、客户关系矩阵以及汇报与影响关系树；`add` 逐项录入新的决策者（在角色问题处输入 `不确定` 可获得引导）；`edit 姓名` 和 `remove 姓名` 修改名单（删除某人会同时清除指向他的关系）。`links 姓名` 深化关系图谱：他还兼任哪些角色（财务总监常常也是最终决策者）、向谁汇报、影响谁（写名单中的姓名）、我方由谁负责这段关系、上次沟通是什么时候。`check` 会提示没有我方负责人或 60 天未联系的高影响力（4–5）人物。"
      ),
      argumentWords: .fixed(StakeholdersCommand.words)),
    HelpEntry(
      name: "discover", synopsis: "discover [STAGE]", synopsisZh: "discover [阶段]", group: .prepare, place: .session,
      summary: ("Walk a needs-discovery stage, with example questions on `?`.", "按阶段进行需求挖掘，输入 `?` 查看示例问题。"),
      details: (
        "Stages: initial-contact, in-depth-interview, needs-confirmation, solution-matching (or 1–4). Without a stage, the first one not yet completed. Each stage ends with a summary of what is recorded, what is still empty and what the next stage needs.",
        "阶段：initial-contact（初步接触）、in-depth-interview（深度访谈）、needs-confirmation（需求确认）、solution-matching（方案匹配），也可用 1–4。不写阶段时从第一个未完成的阶段开始。每个阶段结束时会小结已记录的内容、尚缺的内容以及下一阶段需要什么。"
      ),
      argumentWords: .fixed(DiscoveryStage.allCases.map(\.rawValue))),
    HelpEntry(
      name: "questions", synopsis: "questions [add TYPE TEXT | check TEXT [--as TYPE] | remove N]", synopsisZh: "questions [add 类型 问题 | check 问题 [--as 类型] | remove 编号]",
      group: .prepare, place: .session,
      summary: ("Plan the next meeting's questions by type, and check any question's type.", "按类型规划下次会谈的问题，并判断任意问题的类型。"),
      details: (
        "`questions` goes through the four types (open, leading, verification, value): pick examples by number or write your own. `questions check TEXT` names a question's type, says which words show it, and for a weak question how to improve it; `--as TYPE` says which type you meant.",
        "`questions` 依次经过四种类型（开放性、引导性、验证性、价值性）：输入编号选用示例，或写下自己的问题。`questions check 问题` 判断问题类型、说明依据，并对较弱的问题给出改进建议；`--as 类型` 指明你想要的类型。"
      ),
      argumentWords: .fixed(QuestionsCommand.words)),
    HelpEntry(
      name: "objection", synopsis: "objection [CATEGORY | N | resolve N | reopen N | remove N]", synopsisZh: "objection [类别 | 编号 | resolve 编号 | reopen 编号 | remove 编号]",
      group: .prepare, place: .session,
      summary: ("Log a customer objection and plan the answer with LSCPA.", "记录客户异议，并按 LSCPA 准备答复。"),
      details: (
        "Type the customer's words; coach suggests the category (price, time, risk, decision) and why. Then Listen, Sympathize, Confirm, Process (pick the category's strategies first) and Assure, each with a good example and advice on what you wrote. `objection` alone lists the objections logged for the account; `objection N` continues one.",
        "输入客户的原话，coach 会建议异议类别（价格、时间、风险、决策）并说明理由。随后依次完成倾听、同理、确认、处理（先选该类别的策略）和保证，每一步都有好的示例，并对你写的内容给出建议。单独输入 `objection` 会列出本客户已记录的异议；`objection 编号` 继续某一条。"
      ),
      argumentWords: .fixed(ObjectionCategory.allCases.map(\.rawValue) + ["resolve", "reopen", "remove"])),
    HelpEntry(
      name: "negotiate", synopsis: "negotiate [PART]", synopsisZh: "negotiate [部分]", group: .prepare, place: .session,
      summary: ("Prepare a negotiation: goals, BATNA, interests, concessions, team.", "谈判准备：目标、BATNA、利益点、让步、团队分工。"),
      details: (
        "Parts: goals (best, expected and walk-away per term, core or flexible), batna (ours and our estimate of theirs), interests (each stakeholder's position and interest, common interests), concessions (the ladder: what we give, what we ask in return, cost and value), team (lead, technical, financial). Without a part, all five in order. `show negotiation` draws the ZOPA and the ladder.",
        "部分：goals（每个条款的最佳、期望和底线，核心或可让步）、batna（我方及估计的对方 BATNA）、interests（各决策者的立场与利益、共同利益）、concessions（让步阶梯：让出什么、换取什么、成本与价值）、team（主谈、技术、财务）。不写部分则按顺序依次进行。`show negotiation` 会画出 ZOPA 和让步阶梯。"
      ),
      argumentWords: .fixed(NegotiateCommand.parts)),
    HelpEntry(
      name: "actions", synopsis: "actions [add TEXT [--owner NAME] [--due DATE] | done N | undone N | remove N]",
      synopsisZh: "actions [add 内容 [--owner 负责人] [--due 日期] | done 编号 | undone 编号 | remove 编号]", group: .prepare, place: .session,
      summary: ("Next steps with owner and due date; overdue ones are marked.", "下一步行动，含负责人和截止日期；逾期的会标出。"),
      details: (
        "`actions` lists them by due date. `actions add` without text asks what, who and when. A completed discovery stage or objection also offers to add one. The text is the rest of the line as typed (`actions add Send the CFO's TCO model --owner Sean O'Brien`); a due date may be 2026-12-15, 15/12, Dec 15, Friday, next Tuesday, in 2 weeks or end of month, and is echoed with its weekday.",
        "`actions` 按截止日期列出。`actions add` 不写内容时会依次询问内容、负责人和日期。完成一个需求挖掘阶段或一条异议后，也会提示添加。内容取整行原文（`actions add 发送 CFO 的 TCO 模型 --owner 刘芳`）；截止日期可以写 2026-12-15、12月15日、周五、下周二、两周后 或 月底，保存后会连同星期几一起显示。"
      ),
      argumentWords: .fixed(ActionsCommand.words)),
    HelpEntry(
      name: "check", synopsis: "check [PLAN] [--format text|json] [--stale-days N]", synopsisZh: "check [计划] [--format text|json] [--stale-days 天数]", group: .prepare, place: .both,
      summary: ("Check the plan against the method and list what to do next.", "按方法检查计划，并列出下一步该做什么。"),
      details: (
        "Each finding has a stable id (e.g. no-final-decision-maker), a severity and a message. `--format json` prints {\"findings\": [...]} for scripts.",
        "每条发现都有固定的 id（如 no-final-decision-maker）、严重程度和说明。`--format json` 输出 {\"findings\": [...]}，便于脚本使用。"
      ),
      argumentWords: .plans),
    HelpEntry(
      name: "export", synopsis: "export [PLAN] [brief] [FORMAT] [-o FILE] [--full | --audience customer] [--format FORMAT] [--what stakeholders|actions]",
      synopsisZh: "export [计划] [brief] [格式] [-o 文件] [--full | --audience customer] [--format 格式] [--what stakeholders|actions]", group: .plans, place: .both,
      summary: ("Export the meeting brief (md, html), the plan (json) or a CSV for a CRM.", "导出会谈简报（md、html）、计划本身（json）或供 CRM 导入的 CSV。"),
      details: (
        "FORMAT is md, html, json or csv (also `--format FORMAT`). `md` (the default) is the one-page brief for the next meeting in Markdown (`export brief` names it); `html` is the same brief as a page to print on one A4 page (no scripts, nothing fetched from the network). The brief is chosen by priority — the objective and agenda (or the deal and open actions), who is in the room, the questions to ask, the likely objections with the lines to say, the negotiation essentials, the competition, then the portrait and the positions-vs-interests table while room allows — and never cuts a sentence: an item that does not fit is left out whole and the brief says how many were. `--full` is the long internal document with every answer. `--audience customer` is the shareable agenda and mutual plan: purpose, agenda, participants, materials, next steps — nothing internal (no walk-away, BATNA, attitudes, influence, concessions, notes or objections). `json` is the plan file itself. `csv` lists the stakeholders, or the actions with `--what actions`, for a CRM import: UTF-8, a header row, CRLF line ends in a file (LF when printed), a value starting with = + - or @ gets a leading ' so a spreadsheet does not run it. Without `-o` the export is printed; `-o FILE` writes the file, readable only by you. Outside the session name the plan: `coach export Acme --format html -o acme.html`.",
        "格式为 md、html、json 或 csv（也可写 `--format 格式`）。`md`（默认）是下一次会谈的一页纸 Markdown 简报（也可写 `export brief`）；`html` 是同一份简报的可打印网页，正好一页 A4（无脚本，不从网络获取任何内容）。简报按优先级挑选内容——会谈目标与议程（或商机与待办行动）、与会者、要问的问题、可能的异议与应对话术、谈判要点、竞争态势，版面允许时再加客户画像和立场与利益表——绝不截断句子：放不下的条目整条略去，并注明略去了几条。`--full` 是包含全部回答的完整内部文档。`--audience customer` 是可以交给客户的会谈议程和共同推进计划：目的、议程、参会人员、材料、下一步——不含任何内部信息（没有底线、BATNA、态度、影响力、让步、备注或异议）。`json` 即计划文件本身。`csv` 列出决策者，加 `--what actions` 则列出行动，供 CRM 导入：UTF-8 编码，带表头，写入文件时以 CRLF 换行（直接输出时为 LF）；以 = + - 或 @ 开头的值前会加一个 '，以免电子表格把它当作公式执行。不加 `-o` 时直接输出；`-o 文件` 写入文件，仅你本人可读。在会话外需写明计划名：`coach export Acme --format html -o acme.html`。"
      ),
      argumentWords: .fixed(["md", "html", "json", "csv"])),
    HelpEntry(
      name: "learn", synopsis: "learn [MODULE]", synopsisZh: "learn [模块]", group: .practice, place: .both,
      summary: ("Lessons on the method, with check questions; alone, your progress per lesson.", "学习方法课程，每课附检测题；不带参数时显示每课的学习进度。"),
      details: (
        "`learn` shows each lesson's quiz items as new / learning / mastered bars, which lessons you have read and what to do next. `learn MODULE` (the lesson's id, the start of it, or its number) shows the lesson a page at a time — Enter for the next page, `back`, `done` — and ends with two or three check questions whose answers count toward your `quiz` schedule. A lesson counts as read once its last page is shown.",
        "`learn` 以条形图显示每课测验题中的新题／学习中／已掌握数量、哪些课程已读以及下一步建议。`learn 模块`（课程 id、id 的开头或编号）逐页显示课程——回车翻到下一页，`back` 返回，`done` 结束——最后有两三道检测题，作答结果计入 `quiz` 的复习安排。显示到最后一页即算读完。"
      ),
      argumentWords: .fixed(LearnCommand.builtInLessonIDs)),
    HelpEntry(
      name: "quiz", synopsis: "quiz [MODULE]", synopsisZh: "quiz [模块]", group: .practice, place: .both,
      summary: ("The day's spaced-repetition quiz, or one lesson's items.", "每日间隔复习测验，或某一课的测验题。"),
      details: (
        "Answer with the option's number (or the start of its text; a classify item also takes its id). Multiple-choice options are shuffled each day, from the item and the date, so you learn the answer rather than its position. `?` shows the lesson's summary, `skip` moves on, `done` leaves. Leitner boxes 1–5 with reviews after 1, 2, 4, 8 and 16 days: a right answer to a due or new item moves it up a box, a wrong answer sends it back to box 1 (due tomorrow), a right answer to an item not yet due changes nothing; box 5 is mastered. `quiz` serves what is due today plus new items, at most 10 items and 5 new ones a day, in an order fixed by the date. `quiz MODULE` serves all of one lesson's items, due and new ones first, the rest as practice. Progress is kept in the workspace's progress.json by item id, so it carries over when you switch language.",
        "输入选项编号作答（也可输入选项文字的开头；分类题还可输入选项 id）。选择题的选项每天按题目和日期重新排列，记住的是答案本身而不是它的位置。`?` 查看课程摘要，`skip` 跳过，`done` 结束。采用莱特纳（Leitner）1–5 级，分别在 1、2、4、8、16 天后复习：到期题或新题答对升一级，答错退回第 1 级（明天复习），未到期的题答对不改变安排；第 5 级即为已掌握。`quiz` 提供今天到期的题目和新题，每天最多 10 道、其中新题最多 5 道，顺序由日期决定。`quiz 模块` 提供某一课的全部题目，先到期题和新题，其余作为练习。进度按题目 id 保存在工作区的 progress.json 中，切换语言后仍然有效。"
      ),
      argumentWords: .fixed(LearnCommand.builtInLessonIDs)),
    HelpEntry(
      name: "drill",
      synopsis:
        "drill [objection|questions|negotiation] [--category C] [--scenario ID] [--seed N] [--mode train|exam] [--rep NAME] [--pass N] [--trainer NAME] [--from-plan [--meeting next|N] | --plan NAME] | review [FILE] [--pending] [--sessions DIR…]",
      synopsisZh:
        "drill [objection|questions|negotiation] [--category 类别] [--scenario ID] [--seed N] [--mode train|exam] [--rep 姓名] [--pass N] [--trainer 姓名] [--from-plan [--meeting next|编号] | --plan 名称] | review [文件] [--pending] [--sessions 文件夹…]",
      group: .practice, place: .both,
      summary: ("Practise an objection (LSCPA), a question or a give-and-get; every step scored by the rubric.", "练习异议处理（LSCPA）、提问或交换条件；每一步都按评分标准打分。"),
      details: (
        "Options: --category C, --scenario ID, --seed N, --mode train|exam, --rep NAME, --pass N, --trainer NAME, --from-plan (or --plan NAME), --meeting next|N; also `drill list [KIND]` and `drill rescore FILE`. Scenarios come from the playbook, or from the open plan's own objections and stakeholders (--from-plan; --plan NAME outside the session); `--from-plan --meeting next` rehearses the objections expected at the next meeting (question drills: its attendees; a number picks another meeting from `meeting list`); pick one by --category, --scenario ID, or at random (--seed N repeats a pick). Each step scores 0–2: every check is shown ✓/✗ with your own words as evidence, plus advice and a better line — after each step in train mode, at the end in exam mode. Total = points / (2 × steps), passed at --pass (default 70). With --trainer NAME the trainer may override a step's score and comment; both scores are kept. Every drill is saved in the workspace's sessions/ folder; `drill rescore FILE` scores a saved drill again with the current playbook and says if the score changed (it changes nothing, so it takes no options). A trainer reviews saved drills afterwards with `drill review FILE`, `drill review --rep NAME` or `drill review --pending` (with --trainer NAME, or your `rep` setting, and --sessions DIR… for reps' folders): step by step, the rep's words and each check, then accept, adjust (a score and a comment) or reject (not earned: 0, and why); the verdict is kept beside the automatic score with who and when. `drill show FILE` shows a saved drill with the trainer's comments; `drill assigned` lists what a trainer assigned you and when it is due. An option the word does not use is an error, never ignored. A scenario may make the customer push back: a follow-up line triggered by a rubric check at a step (a discount at Process, no figure, a good Confirm); the reply is scored the same way and counts as one more step. An exam shows only “Noted” until the end, picks (without --scenario) a scenario the rep has not had in the last 30 days, and is saved from its start: left early (done, Ctrl-C, end of input) it counts as an unfinished attempt.",
        "选项：--category 类别、--scenario ID、--seed N、--mode train|exam、--rep 姓名、--pass N、--trainer 姓名、--from-plan（或 --plan 名称）、--meeting next|编号；另有 `drill list [种类]` 和 `drill rescore 文件`。场景来自剧本，或来自已打开计划中记录的异议和决策者（--from-plan；在会话外用 --plan 名称）；`--from-plan --meeting next` 演练下一次会谈预计的异议（提问练习则针对其参会人；写编号可选 `meeting list` 中的其他会谈）；可用 --category、--scenario ID 指定，或随机抽取（--seed N 可重复同一次抽取）。每一步得 0–2 分：逐项显示检查 ✓/✗，并引用你自己的话作为依据，附建议和更好的说法——训练模式每步之后显示，考核模式最后显示。总分 = 得分 / (2 × 步数)，达到 --pass（默认 70）即及格。使用 --trainer 姓名 时，培训师可修改某一步的得分并写评语；自动评分和培训师评分都会保留。每次练习都保存在工作区的 sessions/ 文件夹中；`drill rescore 文件` 用当前剧本重新评分，并说明得分是否有变化（不改动文件，因此不接受任何选项）。培训师事后用 `drill review 文件`、`drill review --rep 姓名` 或 `drill review --pending` 复盘已保存的练习（用 --trainer 姓名 或你的 `rep` 设置署名，用 --sessions 文件夹… 指定学员的文件夹）：逐步查看学员的原话和每项检查，然后接受（accept）、调整（adjust：给出分数和评语）或驳回（reject：这一分不该得，记 0 分并写明原因）；结论与自动评分并存，记下复盘人和时间。`drill show 文件` 查看保存的练习及培训师评语；`drill assigned` 列出培训师布置给你的练习和截止日期。某个子命令用不到的选项会报错，绝不会被悄悄忽略。场景可以让客户追问：由某一步的评分检查触发（处理时给折扣、没有数据、确认得好），销售的回应按同样的方式评分，并多算一步。考核模式在结束前只显示“已记录”；不指定 --scenario 时，从该学员最近 30 天没有练过的场景中抽取；考核一开始就会保存，中途离开（done、Ctrl-C、输入结束）也计为一次未完成的考核。"
      ),
      argumentWords: .fixed(["objection", "questions", "negotiation", "list", "rescore", "review", "show", "assigned"])),
    HelpEntry(
      name: "report", synopsis: "report [--rep NAME] [--since DATE] [--format table|csv|json|html] [--sessions DIR…]",
      synopsisZh: "report [--rep 姓名] [--since 日期] [--format table|csv|json|html] [--sessions 文件夹…]",
      group: .practice, place: .both,
      summary: ("Drill results per rep and step: attempts, average, best, progress, pass rate.", "按学员和步骤统计练习结果：次数、平均分、最好成绩、进步、及格率。"),
      details: (
        "Also --sessions DIR… (folders of transcripts, or workspaces); --since takes YYYY-MM-DD. Over the finished drills in the workspace's sessions/ folder, or in several folders or workspaces combined (--sessions DIR…): per rep, for all drills, per kind and per step — attempts, average, best, first-to-best improvement, pass rate — and the weakest step, with bars. Trainer overrides are counted apart from the automatic scores. Then, with the trainer's scores: each rep's dates, results over time, trend, first to best, recent skill per step and per category (a drill's weight halves every 30 days), readiness (drills × 0.6 + quiz mastery × 0.25 + lessons × 0.15, in bands Needs work / Developing / Proficient / Excellent), certification per objection category (an exam passed at 70% or more, with its date), assignments done, late or overdue, and the weakest answers quoted with the trainer's comments; for the team, averages and spread, per scenario and the checks that fail most. Abandoned exams count with what they earned. A folder that is missing or cannot be read is an error (exit 66). --format csv or json for a spreadsheet or a script; --format html prints a self-contained page to print or save — a rep's 1:1 page with --rep NAME, else the team's (`report --rep Ann --format html > ann.html`). docs/trainer-report.md gives the formulas.",
        "另有 --sessions 文件夹…（练习记录文件夹或工作区）；--since 的格式为 YYYY-MM-DD。统计工作区 sessions/ 文件夹中已完成的练习，或合并多个文件夹、多个工作区（--sessions 文件夹…）：按学员统计全部练习、各类练习和各步骤的次数、平均分、最好成绩、首次到最好的进步、及格率，以及最弱的步骤，并画出条形图。培训师改分与自动评分分开统计。接着按计入培训师评分后的成绩列出：每名学员的日期、成绩变化、趋势、首次到最好、各步骤和各类别的近期水平（每过 30 天练习权重减半）、准备度（练习 × 0.6 + 测验掌握度 × 0.25 + 课程 × 0.15，分为 需加强 / 进步中 / 熟练 / 优秀）、各异议类别的认证（以不低于 70% 的及格线通过考核，附日期）、练习任务的完成、逾期情况，以及引用原话和培训师评语的最弱回答；团队部分给出平均分和标准差、各场景统计以及最常不通过的检查。中途放弃的考核按已得分计入。给出的文件夹不存在或无法读取时报错（退出码 66）。--format csv 或 json 便于导入表格或脚本；--format html 输出一个可打印、可保存的独立网页——加 --rep 姓名 是该学员的一对一页面，否则是团队页面（`report --rep Ann --format html > ann.html`）。公式见 docs/trainer-report.md。"
      )),
    HelpEntry(
      name: "playbook", synopsis: "playbook validate [PATH] | list | sources [MODULE]", synopsisZh: "playbook validate [路径] | list | sources [模块]", group: .practice, place: .both,
      summary: ("Check the playbooks, show what is loaded from where, or where each item comes from in the course.", "检查剧本，查看加载了哪些剧本文件，或查看每一项在课程中的出处。"),
      details: (
        "`playbook validate` checks the built-in playbooks and any trainer folder (--playbooks DIR or COACH_PLAYBOOKS); `playbook validate PATH` checks a trainer's folder laid over the built-in one. Every problem is printed as file:line:column: what was expected; the exit status is 65 when there are problems. Every lesson page, quiz item, prompt hint, objection strategy and finding names its `source` (course part and slide heading, article section, or `ours` for our own additions); `playbook sources [MODULE]` lists them, for one module (account, discovery, relationships, objections, negotiation, checks, lessons, quiz, management) or all. A trainer's folder may also be flat (the files of playbooks/en copied straight into it): each file there is loaded by its own `language:` field, and every .yaml file that is not loaded is reported with why.",
        "`playbook validate` 检查内置剧本和培训师文件夹（--playbooks DIR 或 COACH_PLAYBOOKS）；`playbook validate 路径` 检查叠加在内置剧本之上的培训师文件夹。每个问题都以 文件:行:列: 期望内容 的形式列出；有问题时退出码为 65。每个课程页、测验题、提示说明、异议处理策略和检查结果都写明了 `source`（课程部分与幻灯片标题、文章章节，我们自己补充的写 `ours`）；`playbook sources [模块]` 列出全部或某一模块（account、discovery、relationships、objections、negotiation、checks、lessons、quiz、management）的出处。培训师文件夹也可以是平铺的（把 playbooks/zh 中的文件直接复制进去）：其中每个文件按自己的 `language:` 字段加载，没有加载的 .yaml 文件都会逐个列出并说明原因。"
      ),
      argumentWords: .fixed(PlaybookCommand.configuration.subcommands.compactMap { $0.configuration.commandName })),
    HelpEntry(
      name: "config", synopsis: "config [list | get KEY | set KEY VALUE | unset KEY]", synopsisZh: "config [list | get 键 | set 键 值 | unset 键]", group: .session, place: .both,
      summary: ("Your settings: currency, language, your name for drills, wrap width.", "个人设置：货币、语言、练习用的姓名、折行宽度。"),
      details: (
        "Settings live in $XDG_CONFIG_HOME/coach/settings.toml (~/.config/coach/settings.toml; COACH_CONFIG names another file), one `key = value` per line, which you may also edit by hand. Keys: currency (stored with an amount typed without one, default CNY), language (en or zh, used when --lang and COACH_LANG are not given), rep (your name, offered by drills), width (wrap to this many columns). A line coach cannot read is reported with file:line and its key keeps the default.",
        "设置保存在 $XDG_CONFIG_HOME/coach/settings.toml（即 ~/.config/coach/settings.toml；可用 COACH_CONFIG 指定其他文件），每行一个 `键 = 值`，也可以手工编辑。可用的键：currency（输入金额未写货币时使用，默认 CNY）、language（en 或 zh，未指定 --lang 和 COACH_LANG 时使用）、rep（你的姓名，练习时默认使用）、width（按此列数折行）。无法读取的行会以 文件:行 的形式指出，该键使用默认值。"
      ),
      argumentWords: .fixed(["list", "get", "set", "unset"])),
    HelpEntry(
      name: "meeting", synopsis: "meeting [new | list [PLAN] | N | remove N]", synopsisZh: "meeting [new | list [计划] | 编号 | remove 编号]", group: .prepare, place: .both,
      summary: ("Prepare the next meeting: objective, agenda, who is in the room, questions, expected objections.", "准备下一次会谈：目标、议程、参会人、问题、预计异议。"),
      details: (
        "`meeting new` walks through the date and time (echoed as stored), our objective, the agenda, their attendees (picked from the stakeholders by number or name), ours, the questions to ask (picked from the question plan, by type), the objections we expect (picked from the plan's objections, shown with their LSCPA lines) and the materials to bring. `meeting` alone goes over the next meeting (or prepares a new one), `meeting list` shows the timeline (outside the session: `coach meeting list Acme`), `meeting N` shows meeting N and walks through it again, `meeting remove N` removes it. `check` then looks at the next meeting: an influential attendee with no recorded concern, no verification question, the final decision maker never met.",
        "`meeting new` 依次填写日期和时间（保存后回显）、我们的目标、议程、客户方参会人（按编号或姓名从决策者中选择）、我方参会人、要问的问题（按类型从提问计划中选择）、预计的异议（从计划的异议中选择，并显示其 LSCPA 话术）以及要带的材料。单独输入 `meeting` 会修改下一次会谈（没有则新建），`meeting list` 显示会谈时间线（在会话外：`coach meeting list Acme`），`meeting 编号` 查看并重新填写该次会谈，`meeting remove 编号` 删除它。之后 `check` 会检查下一次会谈：有影响力的参会人没有记录关注点、没有验证性问题、从未见过最终决策者。"
      ),
      argumentWords: .fixed(MeetingCommand.words)),
    HelpEntry(
      name: "debrief", synopsis: "debrief [N]", synopsisZh: "debrief [编号]", group: .prepare, place: .session,
      summary: ("After a meeting: how it went, written back into the plan.", "会谈之后复盘，并把结果写回计划。"),
      details: (
        "For the latest meeting up to today without a debrief (or meeting N): how it went against the objective; what we learned, each fact filed into the discovery answer you pick (it is always kept in the debrief too); for each planned question whether it was asked and what the customer said (marked asked in the question plan); new objections, logged with their category, ready for `objection N`; each attendee's attitude and concerns now; what was agreed, as next actions with owner and due date; the next meeting. Every answer is saved at once and `undo` takes it back. `show timeline` shows every meeting with its debrief; `check` reports an objection raised twice, an attendee turning skeptic, actions from the last meeting still open.",
        "针对截至今天最近一次尚未复盘的会谈（或第 N 次会谈）：对照目标的结果；了解到的信息，每一条都可归入你选择的需求挖掘答案（同时保留在复盘中）；每个计划中的问题是否问了、客户怎么回答（在提问计划中标记为已问）；新的异议，连同类别记录下来，可用 `objection 编号` 准备答复；每位参会人现在的态度和关注点；达成的约定，作为带负责人和截止日期的下一步行动；下一次会谈。每个回答都会立即保存，可用 `undo` 撤回。`show timeline` 显示每次会谈及其复盘；`check` 会指出重复出现的同类异议、态度转为怀疑的参会人、上次会谈仍未完成的行动项。"
      )),
    HelpEntry(
      name: "help", synopsis: "help [COMMAND]", synopsisZh: "help [命令]", group: .session, place: .both,
      summary: ("Show the commands, or what one command does.", "列出所有命令，或查看某个命令的说明。"),
      details: ("", ""), argumentWords: .commands),
    HelpEntry(
      name: "quit", aliases: ["exit"], synopsis: "quit", group: .session, place: .session,
      summary: ("Save and leave (also `exit` or Ctrl-D).", "保存并退出（也可用 `exit` 或 Ctrl-D）。"),
      details: ("Answers are saved the moment they are given; quitting only closes the plan.", "回答在输入时就已保存；退出只是关闭计划。")),
    HelpEntry(
      name: "manage", synopsis: "manage [PART]", synopsisZh: "manage [部分]",
      group: .prepare, place: .session,
      summary: ("Keep a won account: service set-up, touchpoints, NPS/CSAT, issues, purchases, crises, growth.", "维护已签约的大客户：服务体系、接触记录、NPS/CSAT、问题、采购、危机、价值提升。"),
      details: (
        "Parts: touch, nps, csat, issue [responded|resolved N [TIME]], purchase, growth [N STATUS], improve [N STATUS], crisis [N | close N [DATE]]. `manage` alone walks the service set-up: service tier (VIP, key, ordinary), lifecycle stage, the dedicated account manager, the visit plan (monthly operational visit, quarterly business review, yearly strategy meeting) and the response levels (by default the course's: level 1 respond in 2 h and resolve in 24 h, level 2 4 h / 48 h, level 3 24 h / one week). `manage touch` logs a visit or call, `manage nps` a survey (one respondent per line: `9 Li Wei, CFO`), `manage csat` a 1–5 or 1–7 score, `manage issue` an issue or complaint (then `manage issue responded N` and `resolved N`, with an optional time such as `2026-11-20 14:30`), `manage purchase` an order, `manage growth` a second-sales opportunity, `manage improve` a satisfaction-improvement action, `manage crisis` opens a crisis and walks the course's steps (`manage crisis N` continues it, `manage crisis close N` closes it). `show management` shows the visits due, the NPS and CSAT trends, SLA breaches and purchase frequency; `check` reports what needs doing.",
        "部分：touch、nps、csat、issue [responded|resolved 编号 [时间]]、purchase、growth [编号 状态]、improve [编号 状态]、crisis [编号 | close 编号 [日期]]。单独输入 `manage` 会引导设置服务体系：服务层级（VIP客户、重点客户、普通客户）、生命周期阶段、专属客户经理、回访计划（月度运营回访、季度业务回顾、年度战略会议）和分级响应（默认采用课程中的时限：一级问题2小时内响应、24小时内解决，二级4小时/48小时，三级24小时/一周）。`manage touch` 记录一次回访或电话，`manage nps` 记录一次调查（每行一位受访者：`9 李伟，财务总监`），`manage csat` 记录 1–5 或 1–7 分的评分，`manage issue` 记录问题或投诉（之后用 `manage issue responded 编号` 和 `resolved 编号` 记录时间，可加时间如 `2026-11-20 14:30`），`manage purchase` 记录订单，`manage growth` 记录二次销售机会，`manage improve` 记录满意度提升措施，`manage crisis` 开启危机并按课程的步骤引导（`manage crisis 编号` 继续，`manage crisis close 编号` 关闭）。`show management` 显示下次回访时间、NPS 和 CSAT 趋势、超时的问题和采购频率；`check` 列出需要处理的事项。"
      ),
      argumentWords: .fixed(ManageCommand.words)),
    HelpEntry(
      name: "deal", synopsis: "deal [show | competitor add|edit|remove [NAME]]", synopsisZh: "deal [show | competitor add|edit|remove [名称]]", group: .prepare,
      place: .session,
      summary: ("The deal: size and currency, expected close, sales stage, competitors.", "商机：金额与币种、预计成交日期、销售阶段、竞争对手。"),
      details: (
        "`deal` walks through the deal's size (with its currency, e.g. `CNY 2.4m`), the expected close date (e.g. `2027-02-26`, `end of month`, `end of Q1 2027`, `next quarter`; a quarter alone counts as its last day) and the step of the six-step sales process it is in (initial contact, needs discovery, solution design, value demonstration, objection handling, closing). `deal competitor add [NAME]` records a competitor — their strengths, their weaknesses, our position against them; `edit NAME` and `remove NAME` change the list; `deal show` (or `show deal`) prints it all. The deal appears in `show`, as a column of `list` and in the brief.",
        "`deal` 依次记录商机金额（带币种，例如 `240万元`）、预计成交日期（例如 `2027-02-26`、`月底`、`明年一季度末`、`下季度`；只写季度按该季度最后一天计）以及它处在六步销售流程的哪一步（初步接触、需求挖掘、方案设计、价值展示、异议处理、签约成交）。`deal competitor add [名称]` 记录一个竞争对手——对方优势、对方劣势、我方地位；`edit 名称` 和 `remove 名称` 修改名单；`deal show`（或 `show deal`）显示全部。商机信息会出现在 `show`、`list` 的一列以及会前简报中。"
      ),
      argumentWords: .fixed(DealCommand.words)),
    HelpEntry(
      name: "agenda", synopsis: "agenda [--days N] [--stale-days N] [--format text|json] [--ics FILE]",
      synopsisZh: "agenda [--days 天数] [--stale-days 天数] [--format text|json] [--ics 文件]", group: .plans, place: .both,
      summary: ("Everything due or at risk across all plans: overdue, this week by day, stale plans.", "所有计划中到期或有风险的事项：已逾期、本周每天的事项、长期未更新的计划。"),
      details: (
        "Start the day here. What is overdue comes first — actions, visits, and issues past their response or resolution time (SLA breaches) —, then what is due each day of the coming week (actions, visits due by the visit plan, issue deadlines, meetings not yet debriefed; `--days N` looks further ahead), then accounts with churn warning signs (NPS falling or detractors the majority, orders coming more slowly, complaints rising), then plans not updated for 30 days (`--stale-days N`); within each, tier A accounts first, then B and C. `--format json` prints the same for scripts. `--ics FILE` also writes every action, visit and meeting of every plan (meetings already held too) and the follow-ups agreed at each touchpoint (on its day) as an iCalendar file (all-day events with stable ids) that a calendar program can import or subscribe to; run it again to refresh the file.",
        "每天从这里开始。先列已逾期的事项——行动、回访，以及超过响应或解决时限的问题（违反服务承诺）——，再按天列出未来一周到期的事项（行动、按回访计划应做的回访、问题的处理时限、尚未复盘的会谈；`--days N` 看得更远），然后是有流失预警的客户（NPS 下降或批评者占多数、采购频次下降、投诉增加），最后是 30 天未更新的计划（`--stale-days N`）；每组内 A 类客户在前，其次 B、C 类。`--format json` 以 JSON 输出，便于脚本使用。`--ics 文件` 还会把所有计划中的行动、回访和会谈（包括已举行的会谈）以及每次接触约定的跟进事项（记在接触当天）写成 iCalendar 日历文件（全天事件，编号固定不变），日历软件可以导入或订阅；再次运行即可更新该文件。"
      ),
      argumentWords: .fixed(["--days", "--stale-days", "--format", "--ics"])),
    HelpEntry(
      name: "portfolio", synopsis: "portfolio [--sort tier|name|stage|completeness|warnings|updated|nps|purchases] [--format table|json|csv] [-o FILE] [--stale-days N]",
      synopsisZh: "portfolio [--sort tier|name|stage|completeness|warnings|updated|nps|purchases] [--format table|json|csv] [-o 文件] [--stale-days 天数]", group: .plans, place: .both,
      summary: ("The accounts by tier and cooperation stage, with completeness and warnings.", "按级别和合作阶段查看所有客户，以及各自的完成度和警告数。"),
      details: (
        "First the spread: how many accounts each tier (A, B, C) holds at each cooperation stage, their share of all accounts, their mean completeness and, when purchases are recorded, their share of the purchases (the 80/20 view, in the currency most purchases are in; purchases in other currencies are named as left out) — a few A accounts should get most of your time. Then one row per account (with service tier, lifecycle stage and the latest NPS once account management is recorded), A first and the least complete first within a tier; `--sort` orders by name, stage, completeness, warnings, last update, NPS or purchases instead. `--format json` or `csv` (with `-o FILE` to write a file, readable only by you) for scripts and spreadsheets.",
        "先看分布：A、B、C 各级别在每个合作阶段各有多少客户、占全部客户的比例、平均完成度，以及记录了采购时各级别的采购额占比（二八视图，按多数采购所用的币种计算；其他币种的采购会注明未计入）——少数 A 类客户应占用你大部分时间。然后每个客户一行（记录了客户管理后还显示服务级别、生命周期阶段和最近一次 NPS），A 类在前，同一级别内完成度最低的在前；`--sort` 可改为按名称、阶段、完成度、警告数、最近更新、NPS 或采购额排序。`--format json` 或 `csv`（加 `-o 文件` 写入文件，仅你本人可读）便于脚本和电子表格使用。"
      ),
      argumentWords: .fixed(["--sort", "--format", "--stale-days", "-o"])),
  ]

  public static func entry(_ word: String) -> HelpEntry? {
    entries.first { $0.name == word || $0.aliases.contains(word) }
  }

  /// Every command word, aliases included.
  public static var words: [String] { entries.flatMap { [$0.name] + $0.aliases } }

  static func groupTitle(_ group: HelpEntry.Group, _ l: L10n) -> String {
    switch group {
    case .plans: return l.t("Account plans", "客户计划")
    case .prepare: return l.t("Preparing a meeting", "会前准备")
    case .practice: return l.t("Practice and learning", "练习与学习")
    case .session: return l.t("Session", "会话")
    }
  }

  /// The overview `help` prints inside the session.
  public static func overview(_ l: L10n, width: Int) -> StyledText {
    var out = StyledText()
    for group in HelpEntry.Group.allCases {
      let members = entries.filter { $0.group == group }
      guard !members.isEmpty else { continue }
      if !out.spans.isEmpty { out.append("\n") }
      out.appendLine(StyledText(groupTitle(group, l), .heading))
      columns(members.map { ($0.synopsis(l), l.t($0.summary.en, $0.summary.zh)) }, width: width, into: &out)
    }
    out.append("\n")
    out.append(
      Wrap.text(
        l.t(
          "Type `help COMMAND` for more on one command. Tab completes commands and names. Ctrl-C clears the line; on an empty line inside a walk it leaves the walk, everything saved.",
          "输入 `help 命令` 查看某个命令的详细说明。按 Tab 可以补全命令和名称。Ctrl-C 清空当前输入；在引导中对空行按 Ctrl-C 则离开引导，所有内容均已保存。"), width: width))
    return out
  }

  /// Two columns fitted to `width`: the left column (bold) as wide as its widest entry that
  /// fits in half the width, the right one wrapped at word boundaries under itself. A left
  /// entry too wide for the column gets a line of its own (wrapped too), the text below it.
  static func columns(_ rows: [(String, String)], width: Int, into out: inout StyledText) {
    let limit = max(12, width / 2 - 4)
    let column = rows.map { DisplayWidth.of($0.0) }.filter { $0 <= limit }.max() ?? limit
    let textIndent = String(repeating: " ", count: 2 + column + 2)
    for (left, right) in rows {
      let text = Wrap.lines(right, width: width - textIndent.count)
      if DisplayWidth.of(left) <= column {
        out.append("  ")
        out.append(DisplayWidth.padRight(left, to: column), .bold)
        out.append("  " + (text.first ?? "") + "\n")
        for line in text.dropFirst() { out.append(textIndent + line + "\n") }
      } else {
        for (i, line) in Wrap.lines(left, width: width - 4).enumerated() {
          out.append(i == 0 ? "  " : "    ")
          out.append(line, .bold)
          out.append("\n")
        }
        for line in text { out.append(textIndent + line + "\n") }
      }
    }
  }

  /// What `coach --help` prints.
  public static func commandLine(_ l: L10n, version: String, width: Int = 80) -> StyledText {
    var out = StyledText()
    out.appendLine(StyledText(Wrap.text("\(l.t("coach — a coach for key-account sales, in your terminal", "coach——在终端里辅导大客户销售")) (\(version))", width: width)))
    out.append("\n")
    out.appendLine(StyledText(l.t("Usage", "用法"), .heading))
    var usage = StyledText()
    columns(
      [
        ("coach [OPTIONS]", l.t("start the interactive session", "启动交互式会话")),
        ("coach [OPTIONS] COMMAND [ARGS]", l.t("run one command and exit", "执行一个命令后退出")),
      ], width: width, into: &usage)
    out += StyledText(usage.plain)  // the usage lines are not bold
    out.append("\n")
    out.appendLine(StyledText(l.t("Commands", "命令"), .heading))
    let usable = entries.filter { $0.place == .both }
    columns(usable.map { ($0.synopsis(l), l.t($0.summary.en, $0.summary.zh)) }, width: width, into: &out)
    out.append("\n")
    out.appendLine(StyledText(l.t("Options", "选项"), .heading))
    let options: [(String, String, String)] = [
      ("--workspace DIR", "where plans are kept (env COACH_WORKSPACE; default ~/.local/share/coach)", "计划的存放位置（环境变量 COACH_WORKSPACE；默认 ~/.local/share/coach）"),
      ("--lang en|zh", "language (env COACH_LANG; default from the locale)", "界面语言（环境变量 COACH_LANG；默认取自系统区域设置）"),
      ("--playbooks DIR", "a trainer's playbook folder laid over the built-in one (env COACH_PLAYBOOKS)", "覆盖内置内容的培训师剧本文件夹（环境变量 COACH_PLAYBOOKS）"),
      ("--no-color", "no color (also when NO_COLOR is set)", "不使用颜色（设置 NO_COLOR 时亦然）"),
      ("--version", "print the version", "显示版本号"),
      ("--help", "print this help", "显示本帮助"),
      ("--generate-completion-script bash|zsh|fish", "print a shell completion script", "输出 shell 补全脚本"),
    ]
    columns(options.map { ($0.0, l.t($0.1, $0.2)) }, width: width, into: &out)
    out.append("\n")
    out.append(
      Wrap.text(
        l.t(
          "Inside the session, `help` lists every command. Plans are plain JSON files in the workspace's plans/ folder.",
          "在会话中输入 `help` 可列出全部命令。计划以普通 JSON 文件保存在工作区的 plans/ 文件夹中。"), width: width))
    return out
  }

  /// What `help CMD` prints.
  public static func detail(_ entry: HelpEntry, _ l: L10n, width: Int) -> StyledText {
    var out = StyledText()
    out.append(l.t("Usage: ", "用法："), .dim)
    out.appendLine(StyledText(Wrap.text(entry.synopsis(l), width: width - DisplayWidth.of(l.t("Usage: ", "用法：")), indent: "").replacingAll("\n", with: "\n    "), .bold))
    out.appendLine(StyledText(Wrap.text(l.t(entry.summary.en, entry.summary.zh), width: width, indent: "  ")))
    let details = l.t(entry.details.en, entry.details.zh)
    if !details.isEmpty {
      out.append(Wrap.text(details, width: width, indent: "  "))
      out.append("\n")
    }
    if entry.place == .session {
      out.append(Wrap.text(l.t("(Works inside the coach session.)", "（在 coach 会话中使用。）"), width: width, indent: "  "), .dim)
      out.append("\n")
    }
    if !entry.aliases.isEmpty {
      out.append("  " + l.t("Also: ", "也可以：") + entry.aliases.joined(separator: ", ") + "\n", .dim)
    }
    return StyledText(spans: out.spans.dropLastNewline())
  }
}

extension StyledText {
  init(spans: [Span]) {
    self.init()
    self.spans = spans
  }
}

extension Array where Element == StyledText.Span {
  func dropLastNewline() -> [StyledText.Span] {
    guard let last = self.last, last.text.hasSuffix("\n") else { return self }
    var copy = self
    copy[copy.count - 1].text.removeLast()
    if copy[copy.count - 1].text.isEmpty { copy.removeLast() }
    return copy
  }
}
