<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>voltdesk::models::BrokerLink</name>
    <message numerus="yes">
        <source>No connection to %1 (%2); retrying in %n s</source>
        <translation>
            <numerusform>No connection to %1 (%2); retrying in %n s</numerusform>
            <numerusform>No connection to %1 (%2); retrying in %n s</numerusform>
        </translation>
    </message>
</context>
</TS>
