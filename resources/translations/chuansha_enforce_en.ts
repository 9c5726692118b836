<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../ui/case_table_model.py" line="23" />
        <source>案件编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/case_table_model.py" line="24" />
        <source>立案日期</source>
        <translation>Filed</translation>
    </message>
    <message>
        <location filename="../../ui/case_table_model.py" line="25" />
        <source>当事人</source>
        <translation>Party</translation>
    </message>
    <message>
        <location filename="../../ui/case_table_model.py" line="26" />
        <source>当事人类型</source>
        <translation>Party type</translation>
    </message>
    <message>
        <location filename="../../ui/case_table_model.py" line="27" />
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/case_table_model.py" line="28" />
        <source>案由</source>
        <translation>Cause</translation>
    </message>
    <message>
        <location filename="../../ui/case_table_model.py" line="29" />
        <source>罚款金额（元）</source>
        <translation>Fine (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/case_table_model.py" line="30" />
        <source>决定日期</source>
        <translation>Decided</translation>
    </message>
    <message>
        <location filename="../../ui/case_table_model.py" line="31" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="31" />
        <source>川沙新镇综合行政执法队 · 案件台账</source>
        <translation>Chuansha Enforcement Squad · Case Book</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="51" />
        <source>全部年度</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="53" />
        <source>%1年</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="56" />
        <source>筛选</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="58" />
        <source>立案年度：</source>
        <translation>Filing year:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="66" />
        <source>只读模式</source>
        <translation>Read-only mode</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="73" />
        <source>%1年节假日安排未载入，相关期限按周一至周五推算</source>
        <translation>%1 holiday schedule not loaded: deadlines there are counted Monday to Friday</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="82" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="83" />
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="87" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="88" />
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="95" />
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="96" />
        <source>综合行政执法队案件台账 %1
数据库：%2
SQLite %3</source>
        <translation>Enforcement squad case book %1
Database: %2
SQLite %3</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="110" />
        <source>一般程序案件 %1 件</source>
        <translation>%1 general-procedure cases</translation>
    </message>
</context>
</TS>