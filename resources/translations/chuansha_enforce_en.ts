<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../ui/account_dialog.py" line="34" />
        <source>账户管理</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="56" />
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="57" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="58" />
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="59" />
        <source>法律职业资格证号（审核员必填）</source>
        <translation>Legal qualification number (required for reviewers)</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="60" />
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="61" />
        <source>再输入一次</source>
        <translation>Repeat the password</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="62" />
        <source>添加账户</source>
        <translation>Add account</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="100" />
        <source>已添加账户 %1</source>
        <translation>Account %1 added</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="114" />
        <source>账户(&amp;U)</source>
        <translation>&amp;Accounts</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="116" />
        <source>修改密码…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="123" />
        <source>账户管理…</source>
        <translation>Manage accounts…</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="1" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="1" />
        <source>锁定至</source>
        <translation>Locked until</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="1" />
        <source>连续失败</source>
        <translation>Failures</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="1" />
        <source>关联执法人员</source>
        <translation>Linked officer</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="1" />
        <source>所选账户</source>
        <translation>Selected account</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="1" />
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="1" />
        <source>新密码（两次；该账户换发新签名密钥）</source>
        <translation>New password (twice; the account gets a new signing key)</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="1" />
        <source>执法人员名录中的同一人</source>
        <translation>The same person in the officer registry</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="1" />
        <source>（不关联）</source>
        <translation>(not linked)</translation>
    </message>
</context>
<context>
    <name>CaseDetail</name>
    <message>
        <location filename="../../ui/case_detail.py" line="1" />
        <source>公示</source>
        <translation>Published</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="1" />
        <source>决定被撤销、变更或确认违法</source>
        <translation>Decision set aside</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="1" />
        <source>撤回公示</source>
        <translation>Publication withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="1" />
        <source>撤回公示期限</source>
        <translation>Publication withdrawal due</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="1" />
        <source>未记录（启用前）</source>
        <translation>not recorded (before the program)</translation>
        <source>%1天，批准人：%2，理由：%3</source>
        <translation>%1 days, approved by %2, reason: %3</translation>
    </message>
    <message>
        <source>%1：%2至%3，共%4天不计入办案期限</source>
        <translation>%1: %2 to %3, %4 days left out of the decision period</translation>
    </message>
    <message>
        <source>不计入办案期限的期间</source>
        <translation>Time left out of the decision period</translation>
    </message>
    <message>
        <source>主持人：%1</source>
        <translation>presided by %1</translation>
    </message>
    <message>
        <source>书面放弃听证</source>
        <translation>Hearing waived in writing</translation>
    </message>
    <message>
        <source>参加：%1；结论：%2</source>
        <translation>present: %1; conclusion: %2</translation>
    </message>
    <message>
        <source>变更承办人</source>
        <translation>Handling officers changed</translation>
    </message>
    <message>
        <source>当事人地址</source>
        <translation>Party address</translation>
    </message>
    <message>
        <source>拟：%1</source>
        <translation>proposed: %1</translation>
    </message>
    <message>
        <source>法律依据</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>申请听证</source>
        <translation>Hearing requested</translation>
    </message>
    <message>
        <source>违法地点</source>
        <translation>Place of the violation</translation>
    </message>
    <message>
        <source>违法行为</source>
        <translation>Violation</translation>
    </message>
    <message>
        <source>（审核的拟处理意见：%1）</source>
        <translation> (proposal reviewed: %1)</translation>
    </message>
    <message>
        <source>，没收 %1 元</source>
        <translation>, confiscation %1 yuan</translation>
    </message>
    <message>
        <source>，罚款 %1 元</source>
        <translation>, fine %1 yuan</translation>
    </message>
    <message>
        <source>；已告知听证权利</source>
        <translation>; hearing right stated</translation>
    </message>
    <message>
        <source>；通知送达 %1</source>
        <translation>; notice served %1</translation>
        <source>责令限期拆除，期限至</source>
        <translation>ordered demolished by</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="1" />
        <source>教育</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>文书…</source>
        <translation>Documents…</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="35" />
        <source>立案期限</source>
        <translation>Filing deadline</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="36" />
        <source>作出决定期限</source>
        <translation>Decision deadline</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="37" />
        <source>陈述申辩期限</source>
        <translation>Statement deadline</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="38" />
        <source>申请听证期限</source>
        <translation>Hearing request deadline</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="39" />
        <source>送达期限</source>
        <translation>Service deadline</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="40" />
        <source>公示期限</source>
        <translation>Disclosure deadline</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="41" />
        <source>缴款期限</source>
        <translation>Payment deadline</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="44" />
        <source>未到期</source>
        <translation>Not yet due</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="45" />
        <source>即将到期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="46" />
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="47" />
        <source>按期完成</source>
        <translation>Done in time</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="48" />
        <source>逾期完成</source>
        <translation>Done late</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="67" />
        <source>发现线索</source>
        <translation>Clue found</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="71" />
        <source>立案</source>
        <translation>Filing</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="77" />
        <source>告知</source>
        <translation>Advance notice</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="85" />
        <source>陈述申辩</source>
        <translation>Statement</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="93" />
        <source>听证</source>
        <translation>Hearing</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="101" />
        <source>法制审核</source>
        <translation>Legal review</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="109" />
        <source>集体讨论</source>
        <translation>Collective discussion</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="117" />
        <source>延长办案期限</source>
        <translation>Extend the time limit</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="129" />
        <source>作出决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="134" />
        <source>送达</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="140" />
        <source>缴款</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="148" />
        <source>结案</source>
        <translation>Closing</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="172" />
        <source>显示完整号码</source>
        <translation>Show the full number</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="176" />
        <source>查看完整证件号码会记入审计日志</source>
        <translation>Viewing the full ID number is written to the audit log</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="188" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="189" />
        <source>步骤</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="190" />
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="198" />
        <source>期限</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="199" />
        <source>到期日</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="200" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="213" />
        <source>删除案件…</source>
        <translation>Delete case…</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="217" />
        <source>移入回收站（写明理由，可恢复）</source>
        <translation>Move to the trash (with a reason; it can be taken back)</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="254" />
        <location filename="../../ui/case_detail.py" line="309" />
        <source>证件号码：%1</source>
        <translation>ID number: %1</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="260" />
        <source>重大案件：</source>
        <translation>Major case: </translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="267" />
        <source>应缴 %1 元（罚没款 %2 元，已缴 %3 元，加处罚款 %4 元），截至 %5</source>
        <translation>Due %1 yuan (decided %2, paid %3, surcharge %4) as of %5</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="318" />
        <source>删除案件</source>
        <translation>Delete case</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="320" />
        <source>将案件 %1 移入回收站。删除理由（必填）：</source>
        <translation>Move case %1 to the trash. Reason (required):</translation>
    </message>
    <message>
        <source>送达未成功</source>
        <translation>Service not achieved</translation>
    </message>
    <message>
        <source>见证人 %1</source>
        <translation>witness %1</translation>
    </message>
    <message>
        <source>拍照录像记录</source>
        <translation>photo/video record</translation>
    </message>
    <message>
        <source>同意电子送达 %1</source>
        <translation>consent to electronic service %1</translation>
    </message>
    <message>
        <source>证据</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>催告</source>
        <translation>Payment reminder</translation>
    </message>
    <message>
        <source>可申请法院强制执行之日</source>
        <translation>Court application possible from</translation>
    </message>
    <message>
        <source>申请法院强制执行期限</source>
        <translation>Court application deadline</translation>
    </message>
    <message>
        <source>批准延期（分期）缴纳</source>
        <translation>Postponement or instalments approved</translation>
    </message>
    <message>
        <source>%1缴清</source>
        <translation>paid in full on %1</translation>
    </message>
    <message>
        <source>未缴清</source>
        <translation>not paid in full</translation>
    </message>
    <message>
        <source>%1 元，%2，加处罚款 %3 元</source>
        <translation>%1 yuan, %2, surcharge %3 yuan</translation>
    </message>
    <message>
        <source>第%1期缴款期限</source>
        <translation>Instalment %1 due</translation>
    </message>
    <message>
        <source>履行期限 %1</source>
        <translation>pay by %1</translation>
    </message>
    <message>
        <source>申请法院强制执行</source>
        <translation>Application to the court</translation>
    </message>
    <message>
        <source>法院裁定</source>
        <translation>Court's ruling</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>%1：%2 → %3（理由：%4；%5）</source>
        <translation>%1: %2 → %3 (reason: %4; %5)</translation>
    </message>
    <message>
        <source>；第%1轮法制审核失效，须重新审核</source>
        <translation>; legal review round %1 superseded, a new review is needed</translation>
    </message>
    <message>
        <source>；须撤回并重新公示</source>
        <translation>; the publication must be withdrawn and republished</translation>
    </message>
    <message>
        <source>更正</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>更正…</source>
        <translation>Correct…</translation>
    </message>
    <message>
        <source>更正已登记的内容（写明理由，记入审计日志）</source>
        <translation>Correct a recorded value (give the reason; it goes into the audit log)</translation>
    </message>
    <message>
        <source>第几笔缴款</source>
        <translation>Payment no.</translation>
    </message>
    <message>
        <source>只用于缴款项目；默认最后一笔</source>
        <translation>Payment fields only; the latest by default</translation>
    </message>
    <message>
        <source>更正 %1</source>
        <translation>Correct %1</translation>
    </message>
    <message>
        <source>（已因更正失效）</source>
        <translation> (superseded by a correction)</translation>
    </message>
    <message>
        <source>催告</source>
        <translation>Payment reminder</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>%1天，批准人：%2，理由：%3</source>
        <translation>%1 days, approved by %2, reason: %3</translation>
    </message>
    <message>
        <source>责令限期拆除，期限至</source>
        <translation>Order to demolish, by</translation>
        <source>拆除期限</source>
        <translation>Demolition deadline</translation>
    </message>
    <message>
        <source>复议、诉讼期限届满</source>
        <translation>Review and lawsuit periods end</translation>
    </message>
    <message>
        <source>可催告拆除之日</source>
        <translation>Demolition reminder possible from</translation>
    </message>
    <message>
        <source>催告期限</source>
        <translation>The reminder's period ends</translation>
    </message>
    <message>
        <source>可作出强制拆除决定之日</source>
        <translation>Forced decision possible from</translation>
    </message>
    <message>
        <source>公告期限</source>
        <translation>The public notice's period ends</translation>
    </message>
    <message>
        <source>可实施强制拆除之日</source>
        <translation>Demolition possible from</translation>
    </message>
    <message>
        <source>拆除期限</source>
        <translation>Demolition deadline</translation>
    </message>
    <message>
        <source>注意</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>CaseSteps</name>
    <message>
        <source>不计入办案期限的期间</source>
        <translation>Time left out of the decision period</translation>
    </message>
    <message>
        <source>事由</source>
        <translation>For</translation>
    </message>
    <message>
        <source>截止日期</source>
        <translation>Last day</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>起始日期</source>
        <translation>First day</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="1" />
        <source>公示日期</source>
        <translation>Publication date</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="1" />
        <source>公示</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="1" />
        <source>撤回日期</source>
        <translation>Withdrawal date</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="1" />
        <source>撤回原因</source>
        <translation>Reason for the withdrawal</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="1" />
        <source>撤回公示</source>
        <translation>Withdraw publication</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="1" />
        <source>（已缴清，无需理由）</source>
        <translation>(paid up, no reason needed)</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="1" />
        <source>未缴清结案理由</source>
        <translation>Reason for closing unpaid</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="1" />
        <source>结案说明（“其他”须写明理由）</source>
        <translation>Closing note (required for “other”)</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="1" />
        <source>批准人（“其他”时：法制审核员）</source>
        <translation>Approved by (for “other”: a legal reviewer)</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="1" />
        <source>教育</source>
        <translation>Education</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="1" />
        <source>教育日期</source>
        <translation>Date of the education</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="1" />
        <source>教育方式和内容</source>
        <translation>How the party was educated</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="1" />
        <source>拟责令限期拆除</source>
        <translation>Proposed order to demolish within a deadline</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="1" />
        <source>并处责令限期拆除</source>
        <translation>With an order to demolish</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="1" />
        <source>拆除期限</source>
        <translation>Demolition deadline</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="1" />
        <source>拟处罚种类</source>
        <translation>Proposed penalty kinds</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="1" />
        <source>拟罚款金额（元）</source>
        <translation>Proposed fine (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="1" />
        <source>拟没收金额（元）</source>
        <translation>Proposed confiscation (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="1" />
        <source>违法事实</source>
        <translation>Facts</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="1" />
        <source>处罚依据</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="1" />
        <source>其他较重的行政处罚（有听证权）</source>
        <translation>Other heavy penalty (hearing right)</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="1" />
        <source>陈述申辩情况</source>
        <translation>Statement</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="1" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="1" />
        <source>陈述申辩</source>
        <translation>Statement</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="1" />
        <source>申请听证</source>
        <translation>Hearing requested</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="1" />
        <source>书面放弃听证日期</source>
        <translation>Date of the written waiver</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="1" />
        <source>参加人员（逗号分隔）</source>
        <translation>Participants (comma separated)</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="1" />
        <source>讨论结论</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="1" />
        <source>标记复杂案件</source>
        <translation>Mark as complex</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="1" />
        <source>变更日期</source>
        <translation>Date of the change</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="1" />
        <source>新的承办人（姓名或 姓名(执法证号)）</source>
        <translation>New handling officers (name or name(certificate no))</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="1" />
        <source>变更承办人</source>
        <translation>Change handling officers</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="163" />
        <source>告知</source>
        <translation>Advance notice</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="165" />
        <source>告知日期</source>
        <translation>Notice date</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="167" />
        <source>告知听证权利</source>
        <translation>Hearing right notified</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="171" />
        <source>陈述申辩日期</source>
        <translation>Statement date</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="180" />
        <source>听证</source>
        <translation>Hearing</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="184" />
        <source>听证情况</source>
        <translation>Hearing</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="193" />
        <source>听证申请日期</source>
        <translation>Hearing requested on</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="198" />
        <source>听证通知日期</source>
        <translation>Hearing notice date</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="203" />
        <source>举行日期</source>
        <translation>Held on</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="206" />
        <source>听证主持人</source>
        <translation>Presiding officer</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="213" />
        <source>法制审核</source>
        <translation>Legal review</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="215" />
        <source>法制审核人</source>
        <translation>Legal reviewer</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="218" />
        <source>法制审核日期</source>
        <translation>Review date</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="223" />
        <source>法制审核结论</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="228" />
        <source>意见和理由</source>
        <translation>Opinion and reasons</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="236" />
        <source>集体讨论</source>
        <translation>Collective discussion</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="238" />
        <source>讨论日期</source>
        <translation>Discussion date</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="240" />
        <source>讨论记录</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="248" />
        <source>延长办案期限</source>
        <translation>Extend the time limit</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="250" />
        <source>批准人</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="252" />
        <source>批准日期</source>
        <translation>Approval date</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="256" />
        <source>延长天数</source>
        <translation>Days</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="260" />
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="267" />
        <source>作出决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="271" />
        <source>决定结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="277" />
        <source>决定书文号</source>
        <translation>Decision number</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="278" />
        <source>留空则自动编号</source>
        <translation>Leave empty to number automatically</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="280" />
        <source>决定日期</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="283" />
        <source>处罚种类</source>
        <translation>Penalty kinds</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="296" />
        <source>罚款金额（元）</source>
        <translation>Fine (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="300" />
        <source>没收金额（元）</source>
        <translation>Confiscation (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="305" />
        <source>减轻处罚</source>
        <translation>Reduced penalty</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="310" />
        <source>不予处罚理由</source>
        <translation>Reason for no penalty</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="320" />
        <source>送达</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="322" />
        <source>送达日期</source>
        <translation>Service date</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="325" />
        <source>送达方式</source>
        <translation>Service method</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="335" />
        <source>缴款</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="337" />
        <source>缴款日期</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="339" />
        <source>罚没款（元）</source>
        <translation>Fine paid (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="343" />
        <source>加处罚款（元）</source>
        <translation>Surcharge (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="348" />
        <source>缴款方式</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="351" />
        <source>票据号</source>
        <translation>Receipt number</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="358" />
        <source>复议或诉讼期间</source>
        <translation>Reconsideration or litigation</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="362" />
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="367" />
        <source>开始日期</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="369" />
        <source>结束日期</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="376" />
        <source>结案</source>
        <translation>Closing</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="378" />
        <source>结案日期</source>
        <translation>Closing date</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="381" />
        <source>结案说明</source>
        <translation>Closing note</translation>
    </message>
    <message>
        <source>见证人（留置送达）</source>
        <translation>Witness (service by leaving)</translation>
    </message>
    <message>
        <source>基层组织或所在单位的见证人</source>
        <translation>a witness from the grassroots organisation or employer</translation>
    </message>
    <message>
        <source>已拍照录像记录（留置送达）</source>
        <translation>Photo or video record (service by leaving)</translation>
    </message>
    <message>
        <source>同意电子送达日期</source>
        <translation>Consent to electronic service on</translation>
    </message>
    <message>
        <source>尝试日期</source>
        <translation>Date of the attempt</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>经过</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>如 无人应门、查无此人</source>
        <translation>e.g. nobody at home, no such person</translation>
    </message>
    <message>
        <source>送达未成功</source>
        <translation>Service not achieved</translation>
    </message>
    <message>
        <source>证据种类</source>
        <translation>Kind of evidence</translation>
    </message>
    <message>
        <source>证据内容</source>
        <translation>What it is</translation>
    </message>
    <message>
        <source>取证日期</source>
        <translation>Date obtained</translation>
    </message>
    <message>
        <source>登记证据</source>
        <translation>Record evidence</translation>
    </message>
    <message>
        <source>如 现场检查笔录、现场照片6张</source>
        <translation>e.g. on-site inspection record, 6 photos</translation>
    </message>
    <message>
        <source>情节（裁量基准）</source>
        <translation>Circumstance (benchmark)</translation>
    </message>
    <message>
        <source>裁量偏离</source>
        <translation>Deviation</translation>
    </message>
    <message>
        <source>偏离理由</source>
        <translation>Reason for the deviation</translation>
    </message>
    <message>
        <source>各期缴款期限:金额（元），每行一期</source>
        <translation>Each instalment as due-date:amount (yuan), one per line</translation>
    </message>
    <message>
        <source>延期（分期）缴纳</source>
        <translation>Postponement or instalments</translation>
    </message>
    <message>
        <source>催告书送达日期</source>
        <translation>Reminder served on</translation>
    </message>
    <message>
        <source>催告履行期限</source>
        <translation>Reminder: pay by</translation>
    </message>
    <message>
        <source>催告</source>
        <translation>Payment reminder</translation>
    </message>
    <message>
        <source>申请日期</source>
        <translation>Application date</translation>
    </message>
    <message>
        <source>申请法院强制执行</source>
        <translation>Application to the court</translation>
    </message>
    <message>
        <source>裁定日期</source>
        <translation>Ruling date</translation>
    </message>
    <message>
        <source>裁定结果</source>
        <translation>Ruling</translation>
    </message>
    <message>
        <source>法院裁定</source>
        <translation>Court's ruling</translation>
    </message>
    <message>
        <source>各期缴款期限:金额（元），每行一期</source>
        <translation>Each instalment as due date:amount (yuan), one per line</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../ui/case_table_model.py" line="33" />
        <source>案件编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/case_table_model.py" line="34" />
        <source>立案日期</source>
        <translation>Filed</translation>
    </message>
    <message>
        <location filename="../../ui/case_table_model.py" line="35" />
        <source>当事人</source>
        <translation>Party</translation>
    </message>
    <message>
        <location filename="../../ui/case_table_model.py" line="36" />
        <source>当事人类型</source>
        <translation>Party type</translation>
    </message>
    <message>
        <location filename="../../ui/case_table_model.py" line="37" />
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/case_table_model.py" line="38" />
        <source>案由</source>
        <translation>Cause</translation>
    </message>
    <message>
        <location filename="../../ui/case_table_model.py" line="39" />
        <source>罚款金额（元）</source>
        <translation>Fine (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/case_table_model.py" line="40" />
        <source>决定日期</source>
        <translation>Decided</translation>
    </message>
    <message>
        <location filename="../../ui/case_table_model.py" line="41" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>FileCaseDialog</name>
    <message>
        <source>单位当事人填写</source>
        <translation>for an organisation</translation>
    </message>
    <message>
        <source>法定代表人（负责人）</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <source>当事人住所（地址）</source>
        <translation>Party's address</translation>
    </message>
    <message>
        <location filename="../../ui/file_case_dialog.py" line="33" />
        <source>案件编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../ui/file_case_dialog.py" line="34" />
        <source>留空则自动编号</source>
        <translation>Leave empty to number automatically</translation>
    </message>
    <message>
        <location filename="../../ui/file_case_dialog.py" line="36" />
        <source>立案日期</source>
        <translation>Filing date</translation>
    </message>
    <message>
        <location filename="../../ui/file_case_dialog.py" line="39" />
        <source>线索发现日期</source>
        <translation>Clue date</translation>
    </message>
    <message>
        <location filename="../../ui/file_case_dialog.py" line="44" />
        <source>当事人类型</source>
        <translation>Party type</translation>
    </message>
    <message>
        <location filename="../../ui/file_case_dialog.py" line="48" />
        <source>当事人</source>
        <translation>Party</translation>
    </message>
    <message>
        <location filename="../../ui/file_case_dialog.py" line="51" />
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/file_case_dialog.py" line="52" />
        <source>身份证号或统一社会信用代码</source>
        <translation>Resident ID or unified social credit code</translation>
    </message>
    <message>
        <location filename="../../ui/file_case_dialog.py" line="54" />
        <source>案由</source>
        <translation>Cause</translation>
    </message>
    <message>
        <location filename="../../ui/file_case_dialog.py" line="55" />
        <source>违法行为</source>
        <translation>Violation</translation>
    </message>
    <message>
        <location filename="../../ui/file_case_dialog.py" line="56" />
        <source>法律依据</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../../ui/file_case_dialog.py" line="57" />
        <source>违法地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/file_case_dialog.py" line="60" />
        <source>承办人一</source>
        <translation>Officer 1</translation>
    </message>
    <message>
        <location filename="../../ui/file_case_dialog.py" line="66" />
        <source>承办人二</source>
        <translation>Officer 2</translation>
    </message>
    <message>
        <location filename="../../ui/file_case_dialog.py" line="91" />
        <source>立案</source>
        <translation>Filing</translation>
    </message>
</context>
<context>
    <name>FileReviewPanel</name>
    <message>
        <location filename="../../ui/file_review_panel.py" line="60" />
        <source>抽取样本</source>
        <translation>Draw a sample</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="66" />
        <source>结案年度</source>
        <translation>Year closed</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="70" />
        <source>抽查件数</source>
        <translation>Number of files</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="72" />
        <source>抽查比例（%）</source>
        <translation>Percentage (%)</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="80" />
        <source>样本量</source>
        <translation>Sample size</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="84" />
        <source>留空则按当前时间生成，并随样本保存</source>
        <translation>Leave empty to derive one from the clock; it is stored with the sample</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="86" />
        <source>随机种子</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="91" />
        <location filename="../../ui/file_review_panel.py" line="123" />
        <source>分层</source>
        <translation>Stratum</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="93" />
        <source>同时抽查简易程序案卷</source>
        <translation>Include simple-procedure files</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="97" />
        <source>不含以前已抽查的案卷</source>
        <translation>Exclude files sampled before</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="103" />
        <source>抽取并保存样本</source>
        <translation>Draw and save the sample</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="120" />
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="121" />
        <location filename="../../ui/file_review_panel.py" line="144" />
        <source>案卷编号</source>
        <translation>File number</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="122" />
        <source>当事人</source>
        <translation>Party</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="124" />
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="125" />
        <source>等次</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="126" />
        <source>问题（未整改）</source>
        <translation>Defects (open)</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="135" />
        <source>评分…</source>
        <translation>Score…</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="145" />
        <source>问题</source>
        <translation>Defect</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="146" />
        <source>扣分</source>
        <translation>Points</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="147" />
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="148" />
        <source>整改</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="156" />
        <source>只看未整改</source>
        <translation>Open only</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="161" />
        <source>登记整改…</source>
        <translation>Record rectification…</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="166" />
        <source>抽查清单 PDF…</source>
        <translation>Sample list PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="171" />
        <source>整改清单 PDF…</source>
        <translation>Rectification list PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="184" />
        <source>抽查批次</source>
        <translation>Sample</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="198" />
        <source>问题清单</source>
        <translation>Defects</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="268" />
        <source>第 %1 批：%2 年，%3 件（已评 %4）</source>
        <translation>Sample %1: %2, %3 files (%4 scored)</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="283" />
        <source>尚未抽取样本</source>
        <translation>No sample drawn yet</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="287" />
        <source>%1 件</source>
        <translation>%1 files</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="294" />
        <source>总体：%1（共 %2 件）；样本量：%3；%4；随机种子：%5；抽取：%6 %7</source>
        <translation>Population: %1 (%2 files); size: %3; %4; seed: %5; drawn by %6 at %7</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="338" />
        <source>否决</source>
        <translation>Veto</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="356" />
        <source>案卷评查抽查清单</source>
        <translation>Case-file review: sample list</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="361" />
        <source>案卷评查问题整改清单</source>
        <translation>Case-file review: rectification list</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="366" />
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="405" />
        <source>整改日期</source>
        <translation>Rectified on</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="409" />
        <source>整改情况</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <location filename="../../ui/file_review_panel.py" line="420" />
        <source>登记整改：%1 %2</source>
        <translation>Record rectification: %1 %2</translation>
    </message>
</context>
<context>
    <name>FileScoreDialog</name>
    <message>
        <location filename="../../ui/file_score_dialog.py" line="54" />
        <source>案卷评分：%1</source>
        <translation>Score file %1</translation>
    </message>
    <message>
        <location filename="../../ui/file_score_dialog.py" line="66" />
        <source>否决项（任一项成立即为不合格，得 0 分）</source>
        <translation>Veto items (any one fails the file with 0 points)</translation>
    </message>
    <message>
        <location filename="../../ui/file_score_dialog.py" line="69" />
        <source>案卷形式（%1 分）</source>
        <translation>File form (%1 points)</translation>
    </message>
    <message>
        <location filename="../../ui/file_score_dialog.py" line="72" />
        <source>案卷内容（%1 分）</source>
        <translation>Content (%1 points)</translation>
    </message>
    <message>
        <location filename="../../ui/file_score_dialog.py" line="94" />
        <source> 分</source>
        <translation> pt</translation>
    </message>
    <message>
        <location filename="../../ui/file_score_dialog.py" line="93" />
        <source>扣 </source>
        <translation>minus </translation>
    </message>
    <message>
        <location filename="../../ui/file_score_dialog.py" line="96" />
        <source>不扣分</source>
        <translation>no deduction</translation>
    </message>
    <message>
        <location filename="../../ui/file_score_dialog.py" line="96" />
        <source>每处扣 %1 分，最多扣 %2 分</source>
        <translation>%1 points per defect, at most %2</translation>
    </message>
    <message>
        <location filename="../../ui/file_score_dialog.py" line="106" />
        <source>问题说明</source>
        <translation>Describe the defect</translation>
    </message>
    <message>
        <location filename="../../ui/file_score_dialog.py" line="148" />
        <source>案卷形式 %1 分，案卷内容 %2 分，总分 %3 分：%4</source>
        <translation>Form %1, content %2, total %3: %4</translation>
    </message>
    <message>
        <location filename="../../ui/file_score_dialog.py" line="157" />
        <source>（否决项：%1）</source>
        <translation> (veto: %1)</translation>
    </message>
    <message>
        <location filename="../../ui/file_score_dialog.py" line="173" />
        <source>未整改</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/file_score_dialog.py" line="174" />
        <source>已整改（%1）</source>
        <translation>Rectified (%1)</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/import_dialog.py" line="73" />
        <source>导入台账</source>
        <translation>Import a ledger</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="81" />
        <source>选择 xlsx 或 csv 台账文件</source>
        <translation>Choose an xlsx or csv ledger</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="82" />
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="84" />
        <source>检查</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="87" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="90" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="102" />
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="102" />
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="102" />
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="102" />
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="102" />
        <source>说明</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="105" />
        <source>复制全部</source>
        <translation>Copy all</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="107" />
        <source>另存为 CSV…</source>
        <translation>Save as CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="130" />
        <source>选择台账文件</source>
        <translation>Choose a ledger file</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="130" />
        <source>台账 (*.xlsx *.csv)</source>
        <translation>Ledgers (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="138" />
        <source>请先选择文件</source>
        <translation>Choose a file first</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="142" />
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="142" />
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="183" />
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="184" />
        <source>提醒</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="198" />
        <source>已取消，未写入任何数据</source>
        <translation>Cancelled; nothing was written</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="201" />
        <source>发现 %1 处错误，未写入任何数据</source>
        <translation>%1 errors; nothing was written</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="203" />
        <source>（只列出了前 %1 处）</source>
        <translation> (only the first %1 are listed)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="204" />
        <source>已导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="204" />
        <source>检查通过（未写入）</source>
        <translation>Checked (nothing written)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="206" />
        <source>%1：执法人员 %2 名，一般程序案件 %3 件，简易程序决定 %4 件，提醒 %5 条</source>
        <translation>%1: %2 officers, %3 general cases, %4 simple decisions, %5 warnings</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="230" />
        <source>保存问题清单</source>
        <translation>Save the issues</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login_dialog.py" line="46" />
        <source>已锁定，请重新输入密码</source>
        <translation>Locked: enter your password again</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="46" />
        <location filename="../../ui/login_dialog.py" line="66" />
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="60" />
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="61" />
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="66" />
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="69" />
        <source>退出程序</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="69" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="74" />
        <source>本数据库已启用账户，请输入用户名和密码。</source>
        <translation>This database has accounts: enter your user name and password.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="1" />
        <source>待办</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>打印所选案件的送达回证(&amp;R)</source>
        <translation>&amp;Print the service receipts of the selected cases</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="60" />
        <source>川沙新镇综合行政执法队 · 案件台账</source>
        <translation>Chuansha Enforcement Squad · Case Book</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="84" />
        <source>一般程序案件</source>
        <translation>General cases</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1" />
        <source>复议诉讼</source>
        <translation>Reconsiderations and lawsuits</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="85" />
        <source>简易程序录入</source>
        <translation>Simple decisions</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="87" />
        <source>执法人员</source>
        <translation>Officers</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="90" />
        <source>案卷评查</source>
        <translation>File review</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="92" />
        <source>法制审核</source>
        <translation>Legal review</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="99" />
        <source>全部年度</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="101" />
        <source>%1年</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="104" />
        <source>筛选</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="106" />
        <source>立案年度：</source>
        <translation>Filing year:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="113" />
        <source>搜索：案件编号、当事人、拼音首字母、证件号码后几位</source>
        <translation>Search: case number, party, pinyin initials, last digits of an ID</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="133" />
        <source>只读模式</source>
        <translation>Read-only mode</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="140" />
        <source>%1年节假日安排未载入，相关期限按周一至周五推算，请在“业务设置”中录入</source>
        <translation>%1 holiday schedule not loaded: deadlines there are counted Monday to Friday; enter it in Business settings</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="185" />
        <source>简易程序决定已保存</source>
        <translation>Simple decision saved</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="198" />
        <location filename="../../ui/main_window.py" line="207" />
        <source>导出台账</source>
        <translation>Export a ledger</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="199" />
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="219" />
        <source>已导出 %1（一般程序案件 %2 件）</source>
        <translation>Exported %1 (%2 general cases)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="233" />
        <source>案件(&amp;C)</source>
        <translation>&amp;Cases</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="234" />
        <source>立案(&amp;N)…</source>
        <translation>&amp;New case…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="238" />
        <source>简易程序录入(&amp;S)</source>
        <translation>&amp;Simple decision entry</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="242" />
        <source>回收站(&amp;T)…</source>
        <translation>&amp;Trash…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="245" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="246" />
        <source>导入台账(&amp;I)…</source>
        <translation>&amp;Import a ledger…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="249" />
        <source>导出台账(&amp;E)…</source>
        <translation>&amp;Export a ledger…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="260" />
        <source>业务设置(&amp;O)…</source>
        <translation>Business &amp;settings…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="266" />
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="274" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="275" />
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="288" />
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="289" />
        <source>综合行政执法队案件台账 %1
数据库：%2
SQLite %3</source>
        <translation>Enforcement squad case book %1
Database: %2
SQLite %3</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="313" />
        <source>找到 %1 件</source>
        <translation>%1 found</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="317" />
        <source>一般程序案件 %1 件</source>
        <translation>%1 general-procedure cases</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="114" />
        <source>简易程序决定</source>
        <translation>Simple decisions</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="358" />
        <source>查找案件(&amp;F)</source>
        <translation>&amp;Find cases</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="387" />
        <source>切换用户(&amp;W)…</source>
        <translation>S&amp;witch user…</translation>
    </message>
    <message>
        <source>违法建筑</source>
        <translation>Illegal structures</translation>
    </message>
    <message>
        <source>裁量基准(&amp;B)…</source>
        <translation>Discretion &amp;benchmarks…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1" />
        <source>连接服务器(&amp;N)…</source>
        <translation>Co&amp;nnect to a server…</translation>
    </message>
</context>
<context>
    <name>OfficerRegistry</name>
    <message>
        <location filename="../../ui/officer_registry.py" line="37" />
        <location filename="../../ui/officer_registry.py" line="79" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/officer_registry.py" line="38" />
        <location filename="../../ui/officer_registry.py" line="80" />
        <source>执法证号</source>
        <translation>Certificate number</translation>
    </message>
    <message>
        <location filename="../../ui/officer_registry.py" line="39" />
        <location filename="../../ui/officer_registry.py" line="82" />
        <source>发证日期</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <location filename="../../ui/officer_registry.py" line="40" />
        <location filename="../../ui/officer_registry.py" line="86" />
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../ui/officer_registry.py" line="41" />
        <location filename="../../ui/officer_registry.py" line="91" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/officer_registry.py" line="42" />
        <location filename="../../ui/officer_registry.py" line="97" />
        <source>注销日期</source>
        <translation>Cancelled on</translation>
    </message>
    <message>
        <location filename="../../ui/officer_registry.py" line="47" />
        <source>登记执法人员…</source>
        <translation>Register an officer…</translation>
    </message>
    <message>
        <location filename="../../ui/officer_registry.py" line="117" />
        <source>登记执法人员</source>
        <translation>Register an officer</translation>
    </message>
    <message>
        <source>更正…</source>
        <translation>Correct…</translation>
    </message>
    <message>
        <source>更正选中执法人员的姓名或执法证信息（管理员；写明理由）</source>
        <translation>Correct the selected officer's name or certificate (administrators; give the reason)</translation>
    </message>
    <message>
        <source>更正执法人员信息</source>
        <translation>Correct officer data</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../ui/password_dialog.py" line="28" />
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="36" />
        <source>账户</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="37" />
        <source>原密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="38" />
        <source>新密码（至少 10 位，不能是常见密码）</source>
        <translation>New password (at least 10 characters, not a common one)</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="39" />
        <source>再输入一次</source>
        <translation>Repeat</translation>
    </message>
</context>
<context>
    <name>ReportMenu</name>
    <message>
        <location filename="../../ui/report_actions.py" line="209" />
        <source>报表(&amp;R)</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="212" />
        <source>年度统计报表(&amp;A)…</source>
        <translation>&amp;Annual statistics…</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="213" />
        <source>案件摘要(&amp;S)</source>
        <translation>Case &amp;summary</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="214" />
        <source>案件摘要公开版(&amp;P)</source>
        <translation>&amp;Public case summary</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="215" />
        <source>导出双公示信息(&amp;D)…</source>
        <translation>Export &amp;disclosure list…</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="227" />
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="235" />
        <source>年度统计报表</source>
        <translation>Annual statistics</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="249" />
        <source>案件摘要</source>
        <translation>Case summary</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="249" />
        <source>请先在案件列表中选择一件案件</source>
        <translation>Select a case in the case list first</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="255" />
        <location filename="../../ui/report_actions.py" line="259" />
        <source>导出双公示信息</source>
        <translation>Export disclosure list</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="292" />
        <source>已导出 %1（公开 %2 条）</source>
        <translation>Exported %1 (%2 public entries)</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="306" />
        <source>正在生成报表…</source>
        <translation>Generating the report…</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="306" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="309" />
        <location filename="../../ui/report_actions.py" line="352" />
        <source>报表</source>
        <translation>Report</translation>
    </message>
</context>
<context>
    <name>ReportPreview</name>
    <message>
        <location filename="../../ui/report_actions.py" line="113" />
        <source>报表预览 - %1</source>
        <translation>Report preview - %1</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="128" />
        <source>共 %1 页</source>
        <translation>%1 pages</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="130" />
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="132" />
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="134" />
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="137" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="165" />
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../ui/review_dialog.py" line="47" />
        <source>法制审核：%1</source>
        <translation>Legal review: %1</translation>
    </message>
    <message>
        <location filename="../../ui/review_dialog.py" line="51" />
        <source>（非重大案件）</source>
        <translation>(not a major case)</translation>
    </message>
    <message>
        <location filename="../../ui/review_dialog.py" line="53" />
        <source>%1　%2　重大案件理由：%3</source>
        <translation>%1  %2  major because: %3</translation>
    </message>
    <message>
        <location filename="../../ui/review_dialog.py" line="62" />
        <source>报送材料：%1；审核期限 %2</source>
        <translation>Materials: %1; review due %2</translation>
    </message>
    <message>
        <location filename="../../ui/review_dialog.py" line="67" />
        <source>没有待审核的报送</source>
        <translation>No submission waiting for review</translation>
    </message>
    <message>
        <location filename="../../ui/review_dialog.py" line="79" />
        <source>审核要点（勾选有问题的要点并写明问题）</source>
        <translation>Checklist (tick the items with a problem and say what it is)</translation>
    </message>
    <message>
        <location filename="../../ui/review_dialog.py" line="102" />
        <source>审核结论</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <location filename="../../ui/review_dialog.py" line="103" />
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/review_dialog.py" line="104" />
        <source>密码（每次签署都要输入）</source>
        <translation>Password (asked for every signature)</translation>
    </message>
    <message>
        <location filename="../../ui/review_dialog.py" line="111" />
        <source>已有审核轮次：</source>
        <translation>Review rounds so far:</translation>
    </message>
    <message>
        <location filename="../../ui/review_dialog.py" line="117" />
        <source>签署</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../ui/review_dialog.py" line="130" />
        <source>签名有效</source>
        <translation>signature valid</translation>
    </message>
    <message>
        <location filename="../../ui/review_dialog.py" line="131" />
        <source>签名无效</source>
        <translation>signature INVALID</translation>
    </message>
    <message>
        <location filename="../../ui/review_dialog.py" line="132" />
        <source>未签名</source>
        <translation>not signed</translation>
    </message>
    <message>
        <location filename="../../ui/review_dialog.py" line="133" />
        <source>台账导入（无签名）</source>
        <translation>imported from a ledger (no signature)</translation>
    </message>
    <message>
        <location filename="../../ui/review_dialog.py" line="141" />
        <source>第%1轮　%2　%3　%4　%5</source>
        <translation>Round %1  %2  %3  %4  %5</translation>
    </message>
    <message>
        <location filename="../../ui/review_dialog.py" line="170" />
        <source>第%1轮已签署：%2（%3）</source>
        <translation>Round %1 signed: %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../ui/review_dialog.py" line="46" />
        <source>只有法制审核人员可以签署；当前用户：%1（%2）</source>
        <translation>Only a legal reviewer may sign; logged in: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/review_dialog.py" line="51" />
        <source>数据库以只读方式打开，不能签署</source>
        <translation>The database is open read-only: nothing can be signed</translation>
    </message>
    <message>
        <location filename="../../ui/review_dialog.py" line="53" />
        <source>本案没有待审核的报送，无需签署</source>
        <translation>This case has no submission awaiting review: nothing to sign</translation>
    </message>
    <message>
        <location filename="../../ui/review_dialog.py" line="96" />
        <source>打开案件(&amp;O)</source>
        <translation>&amp;Open case</translation>
    </message>
    <message>
        <location filename="../../ui/review_dialog.py" line="99" />
        <source>案件摘要PDF(&amp;P)</source>
        <translation>Case summary &amp;PDF</translation>
    </message>
</context>
<context>
    <name>ReviewQueue</name>
    <message>
        <location filename="../../ui/review_queue.py" line="37" />
        <source>案件编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="38" />
        <source>当事人</source>
        <translation>Party</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="39" />
        <source>报送日期</source>
        <translation>Submitted on</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="40" />
        <source>审核期限</source>
        <translation>Due on</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="41" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="42" />
        <source>重大案件理由</source>
        <translation>Why major</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="43" />
        <source>报送材料</source>
        <translation>Materials</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="46" />
        <source>待审核</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="47" />
        <source>即将到期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="48" />
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="101" />
        <source>（非重大案件）</source>
        <translation>(not a major case)</translation>
    </message>
</context>
<context>
    <name>ReviewQueueWidget</name>
    <message>
        <location filename="../../ui/review_queue.py" line="122" />
        <source>审核所选案件…</source>
        <translation>Review the selected case…</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="125" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="133" />
        <source>案件编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="136" />
        <source>报送材料，用顿号或逗号分隔</source>
        <translation>Materials, separated by commas</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="137" />
        <source>报送法制审核</source>
        <translation>Submit for legal review</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="141" />
        <source>报送：</source>
        <translation>Submit:</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="184" />
        <source>%1 已报送，审核期限 %2</source>
        <translation>%1 submitted; review due %2</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="135" />
        <source>打开案件</source>
        <translation>Open case</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="140" />
        <source>案件摘要PDF</source>
        <translation>Case summary PDF</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="195" />
        <source>请先在审核队列中选择一件案件</source>
        <translation>Select a case in the review queue first</translation>
    </message>
</context>
<context>
    <name>SafetyActions</name>
    <message>
        <location filename="../../ui/backup_actions.py" line="90" />
        <source>备份(&amp;B)…</source>
        <translation>Back &amp;up…</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="94" />
        <source>恢复(&amp;R)…</source>
        <translation>&amp;Restore…</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="112" />
        <source> —— 只读</source>
        <translation> — read-only</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="115" />
        <source>只读：另一个程序正在使用此数据库，本窗口只能查看，不能修改</source>
        <translation>Read-only: another copy of the program is using this database; this window can look but not change</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="117" />
        <source>只读：数据库在网络位置上，只能查看，不能修改</source>
        <translation>Read-only: the database is on a network location; you can look but not change</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="119" />
        <source>只读：数据库不能写入，只能查看</source>
        <translation>Read-only: the database cannot be written; you can only look</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="125" />
        <source>只读</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="143" />
        <source>备份到文件夹</source>
        <translation>Back up to folder</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="153" />
        <source>正在备份并检查…</source>
        <translation>Backing up and checking…</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="153" />
        <source>隐藏</source>
        <translation>Hide</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="156" />
        <source>备份</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="187" />
        <source>已备份到 %1（已通过完整性检查）：%2</source>
        <translation>Backed up to %1 (integrity checked): %2</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="195" />
        <location filename="../../ui/backup_actions.py" line="349" />
        <source>备份失败</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="209" />
        <source>选择要恢复的备份</source>
        <translation>Choose the backup to restore</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="211" />
        <source>备份 (*.db)</source>
        <translation>Backups (*.db)</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="221" />
        <source>备份于 %1，内容：%2</source>
        <translation>Taken %1, holding: %2</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="225" />
        <source>（没有清单，恢复前会完整检查）</source>
        <translation>(no manifest; it is fully checked before restoring)</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="228" />
        <source>用备份 %1 替换当前数据库？</source>
        <translation>Replace the current database with the backup %1?</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="232" />
        <source>恢复前会先检查备份，并把当前数据库另存一份备份。</source>
        <translation>The backup is checked first, and the current database is saved as a backup before it is replaced.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="250" />
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="258" />
        <source>正在检查备份并恢复…</source>
        <translation>Checking the backup and restoring…</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="283" />
        <source>已从 %1 恢复（%2）。</source>
        <translation>Restored from %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="287" />
        <source>恢复后的数据库：%1</source>
        <translation>The restored database holds: %1</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="292" />
        <source>恢复前的数据库已保存为 %1</source>
        <translation>The database as it was before is saved as %1</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="312" />
        <location filename="../../ui/backup_actions.py" line="321" />
        <location filename="../../ui/backup_actions.py" line="324" />
        <source>已恢复</source>
        <translation>Restored</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="313" />
        <source>请重新启动程序并登录。</source>
        <translation>Please restart the program and log in.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="1" />
        <source>pg_dump 备份 (*.dump)</source>
        <translation>pg_dump backups (*.dump)</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="1" />
        <source>用 pg_dump 备份 %1 替换服务器上的整个案件库 %2？</source>
        <translation>Replace the whole case book on the server %2 with the pg_dump backup %1?</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="1" />
        <source>所有电脑看到的都是服务器上的这一个案件库：恢复后，每台电脑上的案件都变成备份里的样子。恢复前会先把备份恢复到临时数据库检查，并先把服务器上现在的案件库用 pg_dump 另存一份（pre-restore）。</source>
        <translation>Every PC sees this one case book on the server: after the restore, every PC sees the cases as the backup holds them. The backup is first restored into a scratch database and checked, and the server's current case book is first saved with pg_dump (pre-restore).</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="1" />
        <source>正在检查 pg_dump 备份并恢复服务器上的案件库…</source>
        <translation>Checking the pg_dump backup and restoring the server's case book…</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="1" />
        <source>恢复失败</source>
        <translation>Restore failed</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="1" />
        <source>只读：服务器上的案件库缺少封印跟踪触发器，请管理员用数据库所有者的账号打开一次</source>
        <translation>Read-only: the server's case book lacks its seal tracking triggers; an administrator should open it once with the database owner's login</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="1" />
        <source>只读：服务器上的案件库的封印跟踪触发器已被停用，请管理员用数据库所有者的账号打开一次</source>
        <translation>Read-only: the server's case book has seal tracking triggers switched off; an administrator should open it once with the database owner's login</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="37" />
        <source>业务设置</source>
        <translation>Business settings</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="1" />
        <source>业务参数</source>
        <translation>Parameters</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="1" />
        <source>节假日调休</source>
        <translation>Holidays</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="1" />
        <source>元</source>
        <translation>yuan</translation>
    </message>
</context>
<context>
    <name>SimpleEntryWidget</name>
    <message>
        <source>法律依据</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>违反和处罚的依据（如 条例第二十二条）</source>
        <translation>the provisions violated and applied (e.g. art. 22 of the regulation)</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="106" />
        <location filename="../../ui/simple_entry.py" line="265" />
        <source>简易程序决定快速录入</source>
        <translation>Simple-procedure decisions: fast entry</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="108" />
        <source>如 沪浦川执简〔2024〕000001号</source>
        <translation>e.g. 沪浦川执简〔2024〕000001号</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="122" />
        <source>姓名或单位名称</source>
        <translation>Name of the person or organisation</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="125" />
        <source>身份证号或统一社会信用代码，可不填</source>
        <translation>Resident ID or unified social credit code (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="126" />
        <source>输入关键字可选择常见案由</source>
        <translation>Type a keyword to pick a common cause</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="138" />
        <source>如 50 或 200.00</source>
        <translation>e.g. 50 or 200.00</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="141" />
        <source>是（100元以下，或事后难以执行）</source>
        <translation>Yes (100 yuan or less, or hard to collect later)</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="143" />
        <source>罚款超过100元时必须填写</source>
        <translation>Required for a fine over 100 yuan</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="155" />
        <source>保存（Enter）</source>
        <translation>Save (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="157" />
        <source>清空（Esc）</source>
        <translation>Clear (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="214" />
        <source>请选择</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="246" />
        <source>决定书编号</source>
        <translation>Decision no.</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="247" />
        <source>决定日期</source>
        <translation>Decided on</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="248" />
        <source>当事人类型</source>
        <translation>Party type</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="249" />
        <source>当事人</source>
        <translation>Party</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="250" />
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="251" />
        <source>案由</source>
        <translation>Cause</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="252" />
        <source>违法地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="253" />
        <source>执法人员</source>
        <translation>Officers</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="254" />
        <source>处罚种类</source>
        <translation>Penalty</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="255" />
        <source>罚款金额（元）</source>
        <translation>Fine (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="256" />
        <source>当场收缴</source>
        <translation>Collected on the spot</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="257" />
        <source>当场收缴理由</source>
        <translation>Reason for on-the-spot collection</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="258" />
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="271" />
        <source>Tab 下一项　Enter 保存　Esc 清空</source>
        <translation>Tab next field   Enter save   Esc clear</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="338" />
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="396" />
        <source>已保存 %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>更正…</source>
        <translation>Correct…</translation>
    </message>
    <message>
        <source>更正已保存的简易程序决定（写明理由）</source>
        <translation>Correct a saved decision (give the reason)</translation>
    </message>
    <message>
        <source>已更正</source>
        <translation>Corrected</translation>
    </message>
</context>
<context>
    <name>StartupCheck</name>
    <message>
        <location filename="../../ui/startup_check.py" line="67" />
        <source>数据库检查未通过</source>
        <translation>Database check failed</translation>
    </message>
    <message>
        <location filename="../../ui/startup_check.py" line="87" />
        <source>现在用这个备份恢复吗？当前文件会先另存一份，不会删除。</source>
        <translation>Restore this backup now? The current file is saved aside first, not deleted.</translation>
    </message>
</context>
<context>
    <name>StartupRecovery</name>
    <message>
        <location filename="../../ui/startup_recovery.py" line="80" />
        <source>现在用这个备份恢复吗？损坏的文件会另存一份，不会删除。</source>
        <translation>Restore this backup now? The damaged file is kept as a copy, not deleted.</translation>
    </message>
    <message>
        <location filename="../../ui/startup_recovery.py" line="88" />
        <source>数据库需要恢复</source>
        <translation>The database needs restoring</translation>
    </message>
    <message>
        <location filename="../../ui/startup_recovery.py" line="104" />
        <source>已从 %1 恢复。损坏的原文件保存在 %2。</source>
        <translation>Restored from %1. The damaged file is kept at %2.</translation>
    </message>
    <message>
        <location filename="../../ui/startup_recovery.py" line="109" />
        <source>已恢复</source>
        <translation>Restored</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <location filename="../../ui/trash_dialog.py" line="37" />
        <source>案件编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../ui/trash_dialog.py" line="38" />
        <source>当事人</source>
        <translation>Party</translation>
    </message>
    <message>
        <location filename="../../ui/trash_dialog.py" line="39" />
        <source>案由</source>
        <translation>Cause</translation>
    </message>
    <message>
        <location filename="../../ui/trash_dialog.py" line="40" />
        <source>删除时间</source>
        <translation>Deleted at</translation>
    </message>
    <message>
        <location filename="../../ui/trash_dialog.py" line="41" />
        <source>删除人</source>
        <translation>Deleted by</translation>
    </message>
    <message>
        <location filename="../../ui/trash_dialog.py" line="42" />
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/trash_dialog.py" line="101" />
        <source>回收站</source>
        <translation>Trash</translation>
    </message>
    <message>
        <location filename="../../ui/trash_dialog.py" line="113" />
        <source>删除的案件不计入列表、查询和统计；恢复后原样回到案件列表。案件编号不会重新使用。</source>
        <translation>Deleted cases are left out of lists, searches and totals; taken back, they return as they were. Case numbers are never reused.</translation>
    </message>
    <message>
        <location filename="../../ui/trash_dialog.py" line="121" />
        <source>恢复所选案件</source>
        <translation>Take back the selected case</translation>
    </message>
    <message>
        <location filename="../../ui/trash_dialog.py" line="126" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>VerifyActions</name>
    <message>
        <location filename="../../ui/verify_actions.py" line="65" />
        <source>校验数据(&amp;V)…</source>
        <translation>&amp;Verify data…</translation>
    </message>
    <message>
        <location filename="../../ui/verify_actions.py" line="67" />
        <source>检查数据库完整性、操作日志链和审核签名</source>
        <translation>Check the database, the audit chain and the review signatures</translation>
    </message>
    <message>
        <location filename="../../ui/verify_actions.py" line="76" />
        <source>正在校验数据库、操作日志和签名…</source>
        <translation>Checking the database, the audit log and the signatures…</translation>
    </message>
    <message>
        <location filename="../../ui/verify_actions.py" line="79" />
        <location filename="../../ui/verify_actions.py" line="102" />
        <source>校验数据</source>
        <translation>Verify data</translation>
    </message>
</context>
<context>
    <name>DuePanel</name>
    <message>
        <location filename="../../ui/due_panel.py" line="1" />
        <source>（%1年按周一至周五推算，请核对调休）</source>
        <translation> (%1 counted Monday to Friday: check the official schedule)</translation>
    </message>
    <message>
        <location filename="../../ui/due_panel.py" line="1" />
        <source>到期日</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/due_panel.py" line="1" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/due_panel.py" line="1" />
        <source>事项</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../ui/due_panel.py" line="1" />
        <source>案件编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/due_panel.py" line="1" />
        <source>当事人</source>
        <translation>Party</translation>
    </message>
    <message>
        <location filename="../../ui/due_panel.py" line="1" />
        <source>已逾期 %1 个工作日</source>
        <translation>%1 working days overdue</translation>
    </message>
    <message>
        <location filename="../../ui/due_panel.py" line="1" />
        <source>今日到期</source>
        <translation>due today</translation>
    </message>
    <message>
        <location filename="../../ui/due_panel.py" line="1" />
        <source>剩 %1 个工作日</source>
        <translation>%1 working days left</translation>
    </message>
    <message>
        <location filename="../../ui/due_panel.py" line="1" />
        <source>打印为 PDF…</source>
        <translation>Print to PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/due_panel.py" line="1" />
        <source>今后工作日数：</source>
        <translation>Working days ahead:</translation>
    </message>
    <message>
        <location filename="../../ui/due_panel.py" line="1" />
        <source>截至 %1，至 %2 到期及已逾期：%3 项，其中已逾期 %4 项</source>
        <translation>As of %1, due by %2 or overdue: %3 items, %4 of them overdue</translation>
    </message>
    <message>
        <location filename="../../ui/due_panel.py" line="1" />
        <source>打印为 PDF</source>
        <translation>Print to PDF</translation>
    </message>
    <message>
        <location filename="../../ui/due_panel.py" line="1" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
</context>
<context>
    <name>DisputePanel</name>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>仅显示未审结</source>
        <translation>Pending only</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>登记复议/诉讼…</source>
        <translation>Record a dispute…</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>记录进展…</source>
        <translation>Record progress…</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>全部年度</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>%1年</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>登记复议/诉讼</source>
        <translation>Record a dispute</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>记录进展 - %1</source>
        <translation>Record progress - %1</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>复议或诉讼案号</source>
        <translation>Reconsideration or lawsuit number</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>审级（诉讼）</source>
        <translation>Instance (lawsuits)</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>申请人/原告</source>
        <translation>Applicant/plaintiff</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>被申请（被诉）行为</source>
        <translation>Disputed act</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>复议机关或法院</source>
        <translation>Reviewing body or court</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>收到申请书副本或起诉状日期</source>
        <translation>Application or complaint received on</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>关联案件编号（可空）</source>
        <translation>Linked case number (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>未记录</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>未审结</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>答复/答辩日期</source>
        <translation>Reply or defence date</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>开庭日期</source>
        <translation>Hearing date</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>负责人出庭</source>
        <translation>Leader appeared</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>结果日期</source>
        <translation>Outcome date</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>申请人/原告：%1　被争议行为：%2</source>
        <translation>Applicant/plaintiff: %1  Disputed act: %2</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>收到：%1　答复/答辩期限：%2　已答复：%3</source>
        <translation>Received: %1  Reply due: %2  Replied: %3</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>开庭：%1　负责人出庭：%2</source>
        <translation>Hearing: %1  Leader appeared: %2</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>结果：%1（%2）</source>
        <translation>Outcome: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>上诉期限：%1</source>
        <translation>Appeal until: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>备注：%1</source>
        <translation>Notes: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>案号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>审级</source>
        <translation>Instance</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>被争议行为</source>
        <translation>Disputed act</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>关联案件</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>收到日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/dispute_panel.py" line="1" />
        <source>答复/答辩期限</source>
        <translation>Reply due</translation>
    </message>
</context>
<context>
    <name>HolidayEditor</name>
    <message>
        <location filename="../../ui/holiday_editor.py" line="1" />
        <source>内置日历之外的法定节假日（休息）和调休上班日。每一行保存即生效，所有按工作日计算的期限随之更新。</source>
        <translation>Public holidays (rest days) and swapped working days beyond the built-in calendar. Each row takes effect when saved; every deadline counted in working days follows.</translation>
    </message>
    <message>
        <location filename="../../ui/holiday_editor.py" line="1" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/holiday_editor.py" line="1" />
        <source>上班/休息</source>
        <translation>Working/rest</translation>
    </message>
    <message>
        <location filename="../../ui/holiday_editor.py" line="1" />
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/holiday_editor.py" line="1" />
        <source>说明，如：元旦、春节调休上班</source>
        <translation>Note, e.g. New Year, Spring Festival swap</translation>
    </message>
    <message>
        <location filename="../../ui/holiday_editor.py" line="1" />
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/holiday_editor.py" line="1" />
        <source>删除所选</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location filename="../../ui/holiday_editor.py" line="1" />
        <source>已保存 %1（%2）</source>
        <translation>Saved %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/holiday_editor.py" line="1" />
        <source>请先在表中选择要删除的一行</source>
        <translation>Select the row to remove first</translation>
    </message>
    <message>
        <location filename="../../ui/holiday_editor.py" line="1" />
        <source>已删除 %1（%2），该日按内置日历计算</source>
        <translation>Removed %1 (%2); the built-in calendar decides that day again</translation>
    </message>
</context>
<context>
    <name>DocumentMenu</name>
    <message>
        <source>文书</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>可制作</source>
        <translation>can make</translation>
    </message>
    <message>
        <source>已制作于 %1</source>
        <translation>made on %1</translation>
    </message>
    <message>
        <source>尚缺：%1</source>
        <translation>missing: %1</translation>
    </message>
</context>
<context>
    <name>Correction</name>
    <message>
        <source>更正项目</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>新值</source>
        <translation>New value</translation>
    </message>
    <message>
        <source>日期 YYYY-MM-DD，金额单位：元</source>
        <translation>Dates YYYY-MM-DD, amounts in yuan</translation>
    </message>
    <message>
        <source>更正理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>决定书文号</source>
        <translation>Decision number</translation>
    </message>
    <message>
        <source>更正简易程序决定</source>
        <translation>Correct a simple-procedure decision</translation>
    </message>
    <message>
        <source>已有更正：</source>
        <translation>Earlier corrections: </translation>
    </message>
</context>
<context>
    <name>CasePicker</name>
    <message>
        <location filename="../../ui/case_picker.py" line="24" />
        <source>案件编号，可只写末尾，如 2026-7；或当事人</source>
        <translation>Case number (the end is enough, e.g. 2026-7) or party</translation>
    </message>
    <message>
        <location filename="../../ui/case_picker.py" line="56" />
        <source>选择案件</source>
        <translation>Choose a case</translation>
    </message>
    <message>
        <location filename="../../ui/case_picker.py" line="57" />
        <source>“%1”对应多件案件，请选择：</source>
        <translation>“%1” matches several cases; choose one:</translation>
    </message>
</context>
<context>
    <name>OfficerPicker</name>
    <message>
        <location filename="../../ui/officer_picker.py" line="63" />
        <source>姓名、拼音首字母或证号</source>
        <translation>Name, pinyin initials or certificate no.</translation>
    </message>
</context>
<context>
    <name>SimpleDecisionDialog</name>
    <message>
        <location filename="../../ui/simple_list.py" line="42" />
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/simple_list.py" line="43" />
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/simple_list.py" line="44" />
        <source>决定书编号</source>
        <translation>Decision no.</translation>
    </message>
    <message>
        <location filename="../../ui/simple_list.py" line="45" />
        <source>决定日期</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <location filename="../../ui/simple_list.py" line="46" />
        <source>当事人</source>
        <translation>Party</translation>
    </message>
    <message>
        <location filename="../../ui/simple_list.py" line="47" />
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/simple_list.py" line="48" />
        <source>案由</source>
        <translation>Cause</translation>
    </message>
    <message>
        <location filename="../../ui/simple_list.py" line="49" />
        <source>违法地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/simple_list.py" line="50" />
        <source>执法人员</source>
        <translation>Officers</translation>
    </message>
    <message>
        <location filename="../../ui/simple_list.py" line="51" />
        <source>处罚种类</source>
        <translation>Penalty kinds</translation>
    </message>
    <message>
        <location filename="../../ui/simple_list.py" line="52" />
        <source>罚款金额（元）</source>
        <translation>Fine (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/simple_list.py" line="53" />
        <source>当场收缴</source>
        <translation>Collected on the spot</translation>
    </message>
    <message>
        <location filename="../../ui/simple_list.py" line="54" />
        <source>缴款日期</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <location filename="../../ui/simple_list.py" line="55" />
        <source>备注</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>SimpleListWidget</name>
    <message>
        <location filename="../../ui/simple_list.py" line="77" />
        <source>搜索：决定书编号、当事人、案由、地点</source>
        <translation>Search: decision no., party, cause, place</translation>
    </message>
    <message>
        <location filename="../../ui/simple_list.py" line="86" />
        <source>决定书编号</source>
        <translation>Decision no.</translation>
    </message>
    <message>
        <location filename="../../ui/simple_list.py" line="87" />
        <source>决定日期</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <location filename="../../ui/simple_list.py" line="88" />
        <source>当事人</source>
        <translation>Party</translation>
    </message>
    <message>
        <location filename="../../ui/simple_list.py" line="89" />
        <source>案由</source>
        <translation>Cause</translation>
    </message>
    <message>
        <location filename="../../ui/simple_list.py" line="90" />
        <source>罚款金额（元）</source>
        <translation>Fine (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/simple_list.py" line="91" />
        <source>处罚种类</source>
        <translation>Penalty kinds</translation>
    </message>
    <message>
        <location filename="../../ui/simple_list.py" line="116" />
        <source>共 %1 件</source>
        <translation>%1 in all</translation>
    </message>
</context>
<context>
    <name>SwitchUser</name>
    <message>
        <location filename="../../ui/switch_user.py" line="23" />
        <source>当前用户：%1（%2）</source>
        <translation>Logged in: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/switch_user.py" line="28" />
        <source>未登录（只读）</source>
        <translation>Not logged in (read-only)</translation>
    </message>
    <message>
        <location filename="../../ui/switch_user.py" line="31" />
        <source>单用户模式</source>
        <translation>Single-user mode</translation>
    </message>
    <message>
        <location filename="../../ui/switch_user.py" line="48" />
        <source>切换用户</source>
        <translation>Switch user</translation>
    </message>
</context>
<context>
    <name>ForcedSteps</name>
    <message>
        <source>责成文件（文号或名称）</source>
        <translation>Instruction (number or title)</translation>
    </message>
    <message>
        <source>责成日期</source>
        <translation>Date of the instruction</translation>
    </message>
    <message>
        <source>区政府责成</source>
        <translation>District instruction</translation>
    </message>
    <message>
        <source>陈述申辩情况</source>
        <translation>Statements</translation>
    </message>
    <message>
        <source>记录日期</source>
        <translation>Date recorded</translation>
    </message>
    <message>
        <source>催告后陈述申辩</source>
        <translation>Statements after the reminder</translation>
    </message>
    <message>
        <source>决定日期</source>
        <translation>Date of the decision</translation>
    </message>
    <message>
        <source>强制拆除决定</source>
        <translation>Forced-demolition decision</translation>
    </message>
    <message>
        <source>公告日期</source>
        <translation>Date of the public notice</translation>
    </message>
    <message>
        <source>限期自行拆除至</source>
        <translation>Remove it by</translation>
    </message>
    <message>
        <source>强制拆除公告</source>
        <translation>Public notice</translation>
    </message>
    <message>
        <source>实施日期</source>
        <translation>Date carried out</translation>
    </message>
    <message>
        <source>开始时间（时:分）</source>
        <translation>Time begun (HH:MM)</translation>
    </message>
    <message>
        <source>见证人（逗号分隔，至少2人）</source>
        <translation>Witnesses (comma-separated, at least 2)</translation>
    </message>
    <message>
        <source>实施强制拆除</source>
        <translation>Carry out the demolition</translation>
    </message>
    <message>
        <source>自行拆除日期</source>
        <translation>Date the party removed it</translation>
    </message>
    <message>
        <source>自行拆除</source>
        <translation>Removed by the party</translation>
    </message>
    <message>
        <source>拆除期限 %1</source>
        <translation>Remove by %1</translation>
    </message>
    <message>
        <source>催告拆除</source>
        <translation>Demolition reminder</translation>
    </message>
    <message>
        <source>限期自行拆除至 %1</source>
        <translation>Remove it by %1</translation>
    </message>
    <message>
        <source>%1 开始，见证人：%2</source>
        <translation>Began %1, witnesses: %2</translation>
    </message>
    <message>
        <source>催告拆除（责令限期拆除决定）</source>
        <translation>Remind of the demolition order</translation>
    </message>
    <message>
        <source>确认在休息日实施</source>
        <translation>Confirm the rest day</translation>
    </message>
</context>
<context>
    <name>StructurePanel</name>
    <message>
        <source>案件编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>当事人</source>
        <translation>Party</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>决定日期</source>
        <translation>Order date</translation>
    </message>
    <message>
        <source>拆除期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>当前步骤</source>
        <translation>Current step</translation>
    </message>
    <message>
        <source>下一期限</source>
        <translation>Next clock</translation>
    </message>
    <message>
        <source>到期日</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>复议诉讼</source>
        <translation>Review / lawsuit</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>打印为 PDF…</source>
        <translation>Print as PDF…</translation>
    </message>
    <message>
        <source>当前步骤：</source>
        <translation>Current step:</translation>
    </message>
    <message>
        <source>截至 %1，共 %2 处（全部 %3 处），其中 %4 处下一步骤已逾期</source>
        <translation>As of %1: %2 shown (%3 in all), %4 with the next step overdue</translation>
    </message>
    <message>
        <source>打印为 PDF</source>
        <translation>Print as PDF</translation>
    </message>
</context>
<context>
    <name>BenchmarkHint</name>
    <message>
        <source>情节（裁量基准）</source>
        <translation>Circumstance (benchmark)</translation>
    </message>
</context>
<context>
    <name>BenchmarkEditor</name>
    <message>
        <source>违法行为</source>
        <translation>Violation</translation>
    </message>
    <message>
        <source>法律依据</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>情节</source>
        <translation>Circumstance</translation>
    </message>
    <message>
        <source>法定下限（元）</source>
        <translation>Statutory min (yuan)</translation>
    </message>
    <message>
        <source>法定上限（元）</source>
        <translation>Statutory max (yuan)</translation>
    </message>
    <message>
        <source>罚款下限（元）</source>
        <translation>Benchmark min (yuan)</translation>
    </message>
    <message>
        <source>罚款上限（元）</source>
        <translation>Benchmark max (yuan)</translation>
    </message>
    <message>
        <source>依据文件</source>
        <translation>Source document</translation>
    </message>
    <message>
        <source>生效日期</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <source>裁量基准</source>
        <translation>Discretion benchmarks</translation>
    </message>
    <message>
        <source>表中没有的违法行为和情节，按程序内置默认值（法定幅度四档划分）提示。</source>
        <translation>Violations and circumstances not in the table are suggested from the built-in defaults (the statutory range in four bands).</translation>
    </message>
    <message>
        <source>只有管理员可以修改裁量基准，当前为只读。</source>
        <translation>Only an administrator may change the benchmarks: read-only.</translation>
    </message>
    <message>
        <source>添加行</source>
        <translation>Add row</translation>
    </message>
    <message>
        <source>删除所选行</source>
        <translation>Remove selected rows</translation>
    </message>
    <message>
        <source>从 Excel 导入…</source>
        <translation>Import from Excel…</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>导入裁量基准</source>
        <translation>Import benchmarks</translation>
    </message>
    <message>
        <source>裁量基准有 %1 处问题，未载入：%2</source>
        <translation>%1 problems in the benchmark sheet, nothing loaded: %2</translation>
    </message>
</context>
<context>
    <name>ListPanel</name>
    <message>
        <location filename="../../ui/list_panel.py" line="1" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/list_panel.py" line="1" />
        <source>打印为 PDF…</source>
        <translation>Print to PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/list_panel.py" line="1" />
        <source>打印为 PDF</source>
        <translation>Print to PDF</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <location filename="../../ui/server_dialog.py" line="1" />
        <source>连接服务器</source>
        <translation>Connect to a server</translation>
    </message>
    <message>
        <location filename="../../ui/server_dialog.py" line="1" />
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../ui/server_dialog.py" line="1" />
        <source>端口</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../ui/server_dialog.py" line="1" />
        <source>数据库名</source>
        <translation>Database name</translation>
    </message>
    <message>
        <location filename="../../ui/server_dialog.py" line="1" />
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/server_dialog.py" line="1" />
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/server_dialog.py" line="1" />
        <source>测试连接</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../ui/server_dialog.py" line="1" />
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/server_dialog.py" line="1" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/server_dialog.py" line="1" />
        <source>多台电脑共用一个案件库时，连接队里的 PostgreSQL 数据库服务器。</source>
        <translation>When several PCs share one case book, connect to the squad's PostgreSQL database server.</translation>
    </message>
</context>
</TS>