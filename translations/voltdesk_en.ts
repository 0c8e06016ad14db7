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
    <name>voltdesk::models::CommandClient</name>
    <message numerus="yes">
        <source>No answer from the agent within %n s</source>
        <translation>
            <numerusform>No answer from the agent within %n s</numerusform>
            <numerusform>No answer from the agent within %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>voltdesk::models::FleetTableModel</name>
    <message numerus="yes">
        <source>Time since the charger&apos;s last message; greyed when older than %n min</source>
        <translation>
            <numerusform>Time since the charger&apos;s last message; greyed when older than %n min</numerusform>
            <numerusform>Time since the charger&apos;s last message; greyed when older than %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>%n s ago</numerusform>
            <numerusform>%n s ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d ago</source>
        <translation>
            <numerusform>%n d ago</numerusform>
            <numerusform>%n d ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>voltdesk::models::billing::TariffAssignmentsModel</name>
    <message numerus="yes">
        <source>%1 (%n charger(s))</source>
        <translation>
            <numerusform>%1 (%n charger)</numerusform>
            <numerusform>%1 (%n chargers)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Charger group %1 (%n charger(s): %2) loses its tariff %3.</source>
        <translation>
            <numerusform>Charger group %1 (%n charger: %2) loses its tariff %3.</numerusform>
            <numerusform>Charger group %1 (%n chargers: %2) loses its tariff %3.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>voltdesk::widgets::BulkProgressDialog</name>
    <message numerus="yes">
        <source>%1 — %n chargers</source>
        <translation>
            <numerusform>%1 — %n charger</numerusform>
            <numerusform>%1 — %n chargers</numerusform>
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
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>%n s ago</numerusform>
            <numerusform>%n s ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>voltdesk::widgets::CommandDialog</name>
    <message numerus="yes">
        <source>%1 — %n chargers</source>
        <translation>
            <numerusform>%1 — %n charger</numerusform>
            <numerusform>%1 — %n chargers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; on %n chargers: %2</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; on %n charger: %2</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; on %n chargers: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 on %n chargers</source>
        <translation>
            <numerusform>%1 on %n charger</numerusform>
            <numerusform>%1 on %n chargers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>On each of the %n chargers, as on the first:</source>
        <translation>
            <numerusform>On the %n charger:</numerusform>
            <numerusform>On each of the %n chargers, as on the first:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>voltdesk::widgets::RevenueView</name>
    <message numerus="yes">
        <source>%1: %n session(s), %2 kWh, before tax %3, tax %4</source>
        <translation>
            <numerusform>%1: %n session, %2 kWh, before tax %3, tax %4</numerusform>
            <numerusform>%1: %n sessions, %2 kWh, before tax %3, tax %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) not rated (no tariff): assign a tariff and re-rate them.</source>
        <translation>
            <numerusform>%n session not rated (no tariff): assign a tariff and re-rate it.</numerusform>
            <numerusform>%n sessions not rated (no tariff): assign a tariff and re-rate them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>voltdesk::widgets::SessionsView</name>
    <message numerus="yes">
        <source>%n unrated session(s), %1 kWh</source>
        <translation>
            <numerusform>%n unrated session, %1 kWh</numerusform>
            <numerusform>%n unrated sessions, %1 kWh</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n running)</source>
        <translation>
            <numerusform>%1 (%n running)</numerusform>
            <numerusform>%1 (%n running)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n session(s), %2 kWh, tax %3</source>
        <translation>
            <numerusform>%1 — %n session, %2 kWh, tax %3</numerusform>
            <numerusform>%1 — %n sessions, %2 kWh, tax %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) exported to %1</source>
        <translation>
            <numerusform>%n session exported to %1</numerusform>
            <numerusform>%n sessions exported to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>voltdesk::widgets::StatementExport</name>
    <message numerus="yes">
        <source>Rendering the statement of %n session(s)…</source>
        <translation>
            <numerusform>Rendering the statement of %n session…</numerusform>
            <numerusform>Rendering the statement of %n sessions…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
</TS>
