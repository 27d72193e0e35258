<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AuditLogPage</name>
    <message numerus="yes">
        <source>%Ln change(s)</source>
        <translation>
            <numerusform>%Ln change</numerusform>
            <numerusform>%Ln changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln row(s).</source>
        <translation>
            <numerusform>Copied %Ln row.</numerusform>
            <numerusform>Copied %Ln rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln change(s) to %1.</source>
        <translation>
            <numerusform>Exported %Ln change to %1.</numerusform>
            <numerusform>Exported %Ln changes to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CataloguePage</name>
    <message numerus="yes">
        <source>Copied %n row(s).</source>
        <translation>
            <numerusform>Copied %n row.</numerusform>
            <numerusform>Copied %n rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n row(s) to %1…</source>
        <translation>
            <numerusform>Exporting %n row to %1…</numerusform>
            <numerusform>Exporting %n rows to %1…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>Exported %n row to %1.</numerusform>
            <numerusform>Exported %n rows to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message numerus="yes">
        <source>%1 works on %n game(s).</source>
        <translation>
            <numerusform>%1 works on %n game.</numerusform>
            <numerusform>%1 works on %n games.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Video %1: added %n tag(s).</source>
        <translation>
            <numerusform>Video %1: added %n tag.</numerusform>
            <numerusform>Video %1: added %n tags.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Video %1: removed %n tag(s).</source>
        <translation>
            <numerusform>Video %1: removed %n tag.</numerusform>
            <numerusform>Video %1: removed %n tags.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %n change(s)</source>
        <translation>
            <numerusform>Sent %n change</numerusform>
            <numerusform>Sent %n changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n transaction(s):</source>
        <translation>
            <numerusform>in %n transaction:</numerusform>
            <numerusform>in %n transactions:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n game(s) that left your scope.</source>
        <translation>
            <numerusform>Removed %n game that left your scope.</numerusform>
            <numerusform>Removed %n games that left your scope.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Received %n change(s).</source>
        <translation>
            <numerusform>Received %n change.</numerusform>
            <numerusform>Received %n changes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Confirmed %n change(s).</source>
        <translation>
            <numerusform>Confirmed %n change.</numerusform>
            <numerusform>Confirmed %n changes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n operation(s) wait for the next sync (%1 waiting in all).</source>
        <translation>
            <numerusform>%n operation waits for the next sync (%1 waiting in all).</numerusform>
            <numerusform>%n operations wait for the next sync (%1 waiting in all).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n video(s) match %1.</source>
        <translation>
            <numerusform>%n video matches %1.</numerusform>
            <numerusform>%n videos match %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s).</source>
        <translation>
            <numerusform>%n request.</numerusform>
            <numerusform>%n requests.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n approval(s) queued; run coulisse-cli sync to send them.</source>
        <translation>
            <numerusform>%n approval queued; run coulisse-cli sync to send it.</numerusform>
            <numerusform>%n approvals queued; run coulisse-cli sync to send them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejection(s) queued; run coulisse-cli sync to send them.</source>
        <translation>
            <numerusform>%n rejection queued; run coulisse-cli sync to send it.</numerusform>
            <numerusform>%n rejections queued; run coulisse-cli sync to send them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) written to %1.</source>
        <translation>
            <numerusform>%Ln change written to %1.</numerusform>
            <numerusform>%Ln changes written to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loaded %1 events over %n day(s), %2 campaigns, and refreshed the metrics in %3 s.</source>
        <translation>
            <numerusform>Loaded %1 events over %n day, %2 campaigns, and refreshed the metrics in %3 s.</numerusform>
            <numerusform>Loaded %1 events over %n days, %2 campaigns, and refreshed the metrics in %3 s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refreshed %n day(s) from %1 to %2%3 in %4 s (refresh %5).</source>
        <translation>
            <numerusform>Refreshed %n day from %1 to %2%3 in %4 s (refresh %5).</numerusform>
            <numerusform>Refreshed %n days from %1 to %2%3 in %4 s (refresh %5).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1: %n panel(s), %2.</source>
        <translation>
            <numerusform>Wrote %1: %n panel, %2.</numerusform>
            <numerusform>Wrote %1: %n panels, %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) written.</source>
        <translation>
            <numerusform>%n day written.</numerusform>
            <numerusform>%n days written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Built the indexes and the search index in %n step(s).</source>
        <translation>
            <numerusform>Built the indexes and the search index in %n step.</numerusform>
            <numerusform>Built the indexes and the search index in %n steps.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GamesPage</name>
    <message numerus="yes">
        <source>%Ln game(s)</source>
        <translation>
            <numerusform>%Ln game</numerusform>
            <numerusform>%Ln games</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %Ln more</source>
        <translation>
            <numerusform>and %Ln more</numerusform>
            <numerusform>and %Ln more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LevelLadder</name>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LevelMovesModel</name>
    <message numerus="yes">
        <source>▲ up %n</source>
        <translation>
            <numerusform>▲ up %n</numerusform>
            <numerusform>▲ up %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>▼ down %n</source>
        <translation>
            <numerusform>▼ down %n</numerusform>
            <numerusform>▼ down %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LevelsPage</name>
    <message numerus="yes">
        <source>%n creator(s)</source>
        <translation>
            <numerusform>%n creator</numerusform>
            <numerusform>%n creators</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MetricsPage</name>
    <message numerus="yes">
        <source>%n panel(s)</source>
        <translation>
            <numerusform>%n panel</numerusform>
            <numerusform>%n panels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied the tables of %n panel(s).</source>
        <translation>
            <numerusform>Copied the table of %n panel.</numerusform>
            <numerusform>Copied the tables of %n panels.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordReader</name>
    <message numerus="yes">
        <source>%n field(s), but the header has %1</source>
        <translation>
            <numerusform>%n field, but the header has %1</numerusform>
            <numerusform>%n fields, but the header has %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReleasesPage</name>
    <message numerus="yes">
        <source>%n release(s)</source>
        <translation>
            <numerusform>%n release</numerusform>
            <numerusform>%n releases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message numerus="yes">
        <source>%Ln decided request(s)</source>
        <translation>
            <numerusform>%Ln decided request</numerusform>
            <numerusform>%Ln decided requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s) waiting</source>
        <translation>
            <numerusform>%Ln request waiting</numerusform>
            <numerusform>%Ln requests waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Approve %n</source>
        <translation>
            <numerusform>Approve %n</numerusform>
            <numerusform>Approve %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reject %n</source>
        <translation>
            <numerusform>Reject %n</numerusform>
            <numerusform>Reject %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n approval(s) queued: sent with the next sync.</source>
        <translation>
            <numerusform>%n approval queued: sent with the next sync.</numerusform>
            <numerusform>%n approvals queued: sent with the next sync.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejection(s) queued: sent with the next sync.</source>
        <translation>
            <numerusform>%n rejection queued: sent with the next sync.</numerusform>
            <numerusform>%n rejections queued: sent with the next sync.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewTableModel</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n d</numerusform>
            <numerusform>%n d</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%n tag(s)</source>
        <translation>
            <numerusform>+%n tag</numerusform>
            <numerusform>+%n tags</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>−%n tag(s)</source>
        <translation>
            <numerusform>−%n tag</numerusform>
            <numerusform>−%n tags</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message numerus="yes">
        <source>%Ln staff member(s)</source>
        <translation>
            <numerusform>%Ln staff member</numerusform>
            <numerusform>%Ln staff members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 with %Ln game(s)</source>
        <translation>
            <numerusform>%1 with %Ln game</numerusform>
            <numerusform>%1 with %Ln games</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 now works on %Ln game(s).</source>
        <translation>
            <numerusform>%1 now works on %Ln game.</numerusform>
            <numerusform>%1 now works on %Ln games.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message numerus="yes">
        <source>This cache holds %n change(s) of %1 that its central store has not confirmed. Sign in as %1 to that store to send them, or open another cache.</source>
        <translation>
            <numerusform>This cache holds %n change of %1 that its central store has not confirmed. Sign in as %1 to that store to send it, or open another cache.</numerusform>
            <numerusform>This cache holds %n changes of %1 that its central store has not confirmed. Sign in as %1 to that store to send them, or open another cache.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n change waiting</numerusform>
            <numerusform>%n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not sent yet</source>
        <translation>
            <numerusform>%n not sent yet</numerusform>
            <numerusform>%n not sent yet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejected</source>
        <translation>
            <numerusform>%n rejected</numerusform>
            <numerusform>%n rejected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagEditDialog</name>
    <message numerus="yes">
        <source>%n game(s)</source>
        <translation>
            <numerusform>%n game</numerusform>
            <numerusform>%n games</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n video(s)</source>
        <translation>
            <numerusform>%n video</numerusform>
            <numerusform>%n videos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagEditorPane</name>
    <message numerus="yes">
        <source>Tags of %n selected video(s)</source>
        <translation>
            <numerusform>Tags of %n selected video</numerusform>
            <numerusform>Tags of %n selected videos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add %1 to %n video(s)</source>
        <translation>
            <numerusform>Add %1 to %n video</numerusform>
            <numerusform>Add %1 to %n videos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %1 from %n video(s)</source>
        <translation>
            <numerusform>Remove %1 from %n video</numerusform>
            <numerusform>Remove %1 from %n videos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagMergeDialog</name>
    <message numerus="yes">
        <source>%n game(s)</source>
        <translation>
            <numerusform>%n game</numerusform>
            <numerusform>%n games</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n video(s)</source>
        <translation>
            <numerusform>%n video</numerusform>
            <numerusform>%n videos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagsPage</name>
    <message numerus="yes">
        <source>%Ln tag(s)</source>
        <translation>
            <numerusform>%Ln tag</numerusform>
            <numerusform>%Ln tags</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retired, but still on %Ln item(s): existing uses are kept.</source>
        <translation>
            <numerusform>Retired, but still on %Ln item: existing uses are kept.</numerusform>
            <numerusform>Retired, but still on %Ln items: existing uses are kept.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message numerus="yes">
        <source>%Ln user(s)</source>
        <translation>
            <numerusform>%Ln user</numerusform>
            <numerusform>%Ln users</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VideosPage</name>
    <message numerus="yes">
        <source>%Ln video(s)</source>
        <translation>
            <numerusform>%Ln video</numerusform>
            <numerusform>%Ln videos</numerusform>
        </translation>
    </message>
</context>
</TS>
