<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>CaseDetail</name>
    <message>
        <location filename="../../ui/case_detail.py" line="30" />
        <source>立案期限</source>
        <translation>Filing deadline</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="31" />
        <source>作出决定期限</source>
        <translation>Decision deadline</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="32" />
        <source>陈述申辩期限</source>
        <translation>Statement deadline</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="33" />
        <source>申请听证期限</source>
        <translation>Hearing request deadline</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="34" />
        <source>送达期限</source>
        <translation>Service deadline</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="35" />
        <source>公示期限</source>
        <translation>Disclosure deadline</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="36" />
        <source>缴款期限</source>
        <translation>Payment deadline</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="39" />
        <source>未到期</source>
        <translation>Not yet due</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="40" />
        <source>即将到期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="41" />
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="42" />
        <source>按期完成</source>
        <translation>Done in time</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="43" />
        <source>逾期完成</source>
        <translation>Done late</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="62" />
        <source>发现线索</source>
        <translation>Clue found</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="66" />
        <source>立案</source>
        <translation>Filing</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="72" />
        <source>告知</source>
        <translation>Advance notice</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="80" />
        <source>陈述申辩</source>
        <translation>Statement</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="88" />
        <source>听证</source>
        <translation>Hearing</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="96" />
        <source>法制审核</source>
        <translation>Legal review</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="104" />
        <source>集体讨论</source>
        <translation>Collective discussion</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="112" />
        <source>延长办案期限</source>
        <translation>Extend the time limit</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="124" />
        <source>作出决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="129" />
        <source>送达</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="135" />
        <source>缴款</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="143" />
        <source>结案</source>
        <translation>Closing</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="173" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="174" />
        <source>步骤</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="175" />
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="183" />
        <source>期限</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="184" />
        <source>到期日</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="185" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="221" />
        <source>重大案件：</source>
        <translation>Major case: </translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="228" />
        <source>应缴 %1 元（罚没款 %2 元，已缴 %3 元，加处罚款 %4 元），截至 %5</source>
        <translation>Due %1 yuan (decided %2, paid %3, surcharge %4) as of %5</translation>
    </message>
</context>
<context>
    <name>CaseSteps</name>
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
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="52" />
        <source>川沙新镇综合行政执法队 · 案件台账</source>
        <translation>Chuansha Enforcement Squad · Case Book</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="76" />
        <source>一般程序案件</source>
        <translation>General cases</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="77" />
        <source>简易程序录入</source>
        <translation>Simple decisions</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="79" />
        <source>执法人员</source>
        <translation>Officers</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="86" />
        <source>全部年度</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="88" />
        <source>%1年</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="91" />
        <source>筛选</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="93" />
        <source>立案年度：</source>
        <translation>Filing year:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="100" />
        <source>搜索：案件编号、当事人、拼音首字母、证件号码后几位</source>
        <translation>Search: case number, party, pinyin initials, last digits of an ID</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="116" />
        <source>只读模式</source>
        <translation>Read-only mode</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="123" />
        <source>%1年节假日安排未载入，相关期限按周一至周五推算</source>
        <translation>%1 holiday schedule not loaded: deadlines there are counted Monday to Friday</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="162" />
        <source>简易程序决定已保存</source>
        <translation>Simple decision saved</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="175" />
        <location filename="../../ui/main_window.py" line="184" />
        <source>导出台账</source>
        <translation>Export a ledger</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="176" />
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="196" />
        <source>已导出 %1（一般程序案件 %2 件）</source>
        <translation>Exported %1 (%2 general cases)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="209" />
        <source>案件(&amp;C)</source>
        <translation>&amp;Cases</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="210" />
        <source>立案(&amp;N)…</source>
        <translation>&amp;New case…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="214" />
        <source>简易程序录入(&amp;S)</source>
        <translation>&amp;Simple decision entry</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="218" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="219" />
        <source>导入台账(&amp;I)…</source>
        <translation>&amp;Import a ledger…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="222" />
        <source>导出台账(&amp;E)…</source>
        <translation>&amp;Export a ledger…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="226" />
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="230" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="231" />
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="238" />
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="239" />
        <source>综合行政执法队案件台账 %1
数据库：%2
SQLite %3</source>
        <translation>Enforcement squad case book %1
Database: %2
SQLite %3</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="263" />
        <source>找到 %1 件</source>
        <translation>%1 found</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="267" />
        <source>一般程序案件 %1 件</source>
        <translation>%1 general-procedure cases</translation>
    </message>
</context>
<context>
    <name>SimpleEntryWidget</name>
    <message>
        <location filename="../../ui/simple_entry.py" line="105" />
        <location filename="../../ui/simple_entry.py" line="263" />
        <source>简易程序决定快速录入</source>
        <translation>Simple-procedure decisions: fast entry</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="107" />
        <source>如 沪浦川执简〔2024〕000001号</source>
        <translation>e.g. 沪浦川执简〔2024〕000001号</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="121" />
        <source>姓名或单位名称</source>
        <translation>Name of the person or organisation</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="124" />
        <source>身份证号或统一社会信用代码，可不填</source>
        <translation>Resident ID or unified social credit code (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="125" />
        <source>输入关键字可选择常见案由</source>
        <translation>Type a keyword to pick a common cause</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="137" />
        <source>如 50 或 200.00</source>
        <translation>e.g. 50 or 200.00</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="140" />
        <source>是（100元以下，或事后难以执行）</source>
        <translation>Yes (100 yuan or less, or hard to collect later)</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="142" />
        <source>罚款超过100元时必须填写</source>
        <translation>Required for a fine over 100 yuan</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="154" />
        <source>保存（Enter）</source>
        <translation>Save (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="156" />
        <source>清空（Esc）</source>
        <translation>Clear (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="212" />
        <source>请选择</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="244" />
        <source>决定书编号</source>
        <translation>Decision no.</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="245" />
        <source>决定日期</source>
        <translation>Decided on</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="246" />
        <source>当事人类型</source>
        <translation>Party type</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="247" />
        <source>当事人</source>
        <translation>Party</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="248" />
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="249" />
        <source>案由</source>
        <translation>Cause</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="250" />
        <source>违法地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="251" />
        <source>执法人员</source>
        <translation>Officers</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="252" />
        <source>处罚种类</source>
        <translation>Penalty</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="253" />
        <source>罚款金额（元）</source>
        <translation>Fine (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="254" />
        <source>当场收缴</source>
        <translation>Collected on the spot</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="255" />
        <source>当场收缴理由</source>
        <translation>Reason for on-the-spot collection</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="256" />
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="269" />
        <source>Tab 下一项　Enter 保存　Esc 清空</source>
        <translation>Tab next field   Enter save   Esc clear</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="336" />
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/simple_entry.py" line="394" />
        <source>已保存 %1</source>
        <translation>Saved %1</translation>
    </message>
</context>
</TS>