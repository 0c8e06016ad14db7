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
<context>
    <name>voltdesk::widgets::ChargerDetailView</name>
    <message numerus="yes">
        <source>%n keys</source>
        <translation>
            <numerusform>%n key</numerusform>
            <numerusform>%n keys</numerusform>
        </translation>
    </message>
</context>
</TS>
