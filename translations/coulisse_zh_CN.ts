<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionRegistry</name>
    <message>
        <source>&amp;Open Cache…</source>
        <translation>打开缓存(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Copy Rows</source>
        <translation>复制行(&amp;C)</translation>
    </message>
    <message>
        <source>C&amp;lear Filters</source>
        <translation>清除筛选(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Videos</source>
        <translation>视频(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Games</source>
        <translation>游戏(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Tag Library</source>
        <translation>标签库(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>用户(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;About Coulisse</source>
        <translation>关于 Coulisse(&amp;A)</translation>
    </message>
    <message>
        <source>Sign &amp;In…</source>
        <translation>登录(&amp;I)…</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Sync Now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <source>Work &amp;Offline</source>
        <translation>离线工作(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Rejected Changes…</source>
        <translation>被拒绝的变更(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Next Video</source>
        <translation>下一个视频(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Video</source>
        <translation>上一个视频(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Add Tag…</source>
        <translation>添加标签(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remove Last Tag</source>
        <translation>移除最后一个标签(&amp;R)</translation>
    </message>
    <message>
        <source>Suggestion &amp;1</source>
        <translation>推荐 &amp;1</translation>
    </message>
    <message>
        <source>Suggestion &amp;2</source>
        <translation>推荐 &amp;2</translation>
    </message>
    <message>
        <source>Suggestion &amp;3</source>
        <translation>推荐 &amp;3</translation>
    </message>
    <message>
        <source>Suggestion &amp;4</source>
        <translation>推荐 &amp;4</translation>
    </message>
    <message>
        <source>Suggestion &amp;5</source>
        <translation>推荐 &amp;5</translation>
    </message>
    <message>
        <source>Suggestion &amp;6</source>
        <translation>推荐 &amp;6</translation>
    </message>
    <message>
        <source>Suggestion &amp;7</source>
        <translation>推荐 &amp;7</translation>
    </message>
    <message>
        <source>Suggestion &amp;8</source>
        <translation>推荐 &amp;8</translation>
    </message>
    <message>
        <source>Suggestion &amp;9</source>
        <translation>推荐 &amp;9</translation>
    </message>
    <message>
        <source>Tag &amp;Statistics…</source>
        <translation>标签统计(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>审核(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Audit Log</source>
        <translation>审计日志(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Staff</source>
        <translation>员工(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Metrics</source>
        <translation>指标(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Export Table…</source>
        <translation>导出表格(&amp;E)…</translation>
    </message>
    <message>
        <source>Export &amp;Selected Rows…</source>
        <translation>导出所选行(&amp;S)…</translation>
    </message>
    <message>
        <source>Re&amp;leases</source>
        <translation>版本发布(&amp;L)</translation>
    </message>
    <message>
        <source>Creator Le&amp;vels</source>
        <translation>创作者等级(&amp;V)</translation>
    </message>
</context>
<context>
    <name>ApprovalPolicyModel</name>
    <message>
        <source>Tagging videos</source>
        <translation>给视频打标签</translation>
    </message>
    <message>
        <source>A game&apos;s tag list</source>
        <translation>游戏的标签列表</translation>
    </message>
    <message>
        <source>Tags (create, edit, retire, merge)</source>
        <translation>标签(新建、编辑、停用、合并)</translation>
    </message>
    <message>
        <source>Tag groups</source>
        <translation>标签分组</translation>
    </message>
    <message>
        <source>Games (create, edit)</source>
        <translation>游戏(新建、编辑)</translation>
    </message>
    <message>
        <source>needs a supervisor</source>
        <translation>需要主管审核</translation>
    </message>
    <message>
        <source>applies directly</source>
        <translation>直接生效</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1,%2</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更类型</translation>
    </message>
    <message>
        <source>By editors</source>
        <translation>编辑的变更</translation>
    </message>
    <message>
        <source>By supervisors</source>
        <translation>主管的变更</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>最近修改</translation>
    </message>
    <message>
        <source>Publishing app releases</source>
        <translation>发布应用版本</translation>
    </message>
    <message>
        <source>needs a second person</source>
        <translation>需要第二人审批</translation>
    </message>
    <message>
        <source>By admins</source>
        <translation>管理员的修改</translation>
    </message>
    <message>
        <source>Creator level ladder</source>
        <translation>创作者等级阶梯</translation>
    </message>
    <message>
        <source>By product managers</source>
        <translation>产品经理的修改</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>Videos</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Video tags</source>
        <translation>视频标签</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Tag groups</source>
        <translation>标签分组</translation>
    </message>
    <message>
        <source>Game tags</source>
        <translation>游戏标签</translation>
    </message>
    <message>
        <source>Games</source>
        <translation>游戏</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Change requests</source>
        <translation>变更请求</translation>
    </message>
    <message>
        <source>Approval policy</source>
        <translation>审核规则</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Staff games</source>
        <translation>员工负责的游戏</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Game</source>
        <translation>游戏</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Change request</source>
        <translation>变更请求</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Bulk load</source>
        <translation>批量导入</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Video %1</source>
        <translation>视频 %1</translation>
    </message>
    <message>
        <source>Video %1 · tag %2</source>
        <translation>视频 %1 · 标签 %2</translation>
    </message>
    <message>
        <source>Tag %1</source>
        <translation>标签 %1</translation>
    </message>
    <message>
        <source>Tag group %1</source>
        <translation>标签分组 %1</translation>
    </message>
    <message>
        <source>Game %1 · tag %2</source>
        <translation>游戏 %1 · 标签 %2</translation>
    </message>
    <message>
        <source>Game %1</source>
        <translation>游戏 %1</translation>
    </message>
    <message>
        <source>User %1</source>
        <translation>用户 %1</translation>
    </message>
    <message>
        <source>Request %1</source>
        <translation>请求 %1</translation>
    </message>
    <message>
        <source>%1 · game %2</source>
        <translation>%1 · 游戏 %2</translation>
    </message>
    <message>
        <source>Whole catalogue</source>
        <translation>整个目录</translation>
    </message>
    <message>
        <source>no visible change</source>
        <translation>无可见变化</translation>
    </message>
    <message>
        <source>The central store does not let you read the audit log.</source>
        <translation>中心库不允许你查看审计日志。</translation>
    </message>
    <message>
        <source>Cannot write the file: %1</source>
        <translation>无法写入文件:%1</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>导出已取消。</translation>
    </message>
</context>
<context>
    <name>AuditLogModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更内容</translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <source>Audit Log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Audit log: not signed in</source>
        <translation>审计日志:未登录</translation>
    </message>
    <message>
        <source>Reading the audit log…</source>
        <translation>正在读取审计日志…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s)</source>
        <translation>
            <numerusform>%Ln 条变更</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 shown, more as you scroll</source>
        <translation>已显示 %1,滚动加载更多</translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln row(s).</source>
        <translation>
            <numerusform>已复制 %Ln 行。</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit log is read from the central store: sign in to see it.</source>
        <translation>审计日志从中心库读取:请先登录。</translation>
    </message>
    <message>
        <source>Cannot read the audit log: %1</source>
        <translation>无法读取审计日志:%1</translation>
    </message>
    <message>
        <source>No changes are on record yet.</source>
        <translation>还没有任何变更记录。</translation>
    </message>
    <message>
        <source>No change matches these filters.</source>
        <translation>没有符合这些筛选条件的变更。</translation>
    </message>
    <message>
        <source>Select a change to see the row before and after it.</source>
        <translation>选择一条变更,查看修改前后的内容。</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>事务</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>History of %1 %2</source>
        <translation>%1 %2 的历史</translation>
    </message>
    <message>
        <source>Open %1 %2</source>
        <translation>打开%1 %2</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Export the Audit Log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Exporting the audit log…</source>
        <translation>正在导出审计日志…</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1:%2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln change(s) to %1.</source>
        <translation>
            <numerusform>已将 %Ln 条变更导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit log was not exported: %1</source>
        <translation>审计日志未导出:%1</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>人员:</translation>
    </message>
    <message>
        <source>Table:</source>
        <translation>表:</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>时间:</translation>
    </message>
    <message>
        <source>Object:</source>
        <translation>对象:</translation>
    </message>
    <message>
        <source>id or name</source>
        <translation>ID 或名称</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新读取</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>All tables</source>
        <translation>所有表</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>任意时间</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近一小时</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Between…</source>
        <translation>时间段…</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>任意</translation>
    </message>
</context>
<context>
    <name>CacheBulkWriter</name>
    <message>
        <source>Cannot write to the cache: %1</source>
        <translation>无法写入缓存：%1</translation>
    </message>
</context>
<context>
    <name>CacheDatabase</name>
    <message>
        <source>%1 is a folder, not a cache file.</source>
        <translation>%1 是文件夹，不是缓存文件。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a Coulisse cache: it is not an SQLite database.</source>
        <translation>%1 不是 Coulisse 缓存：它不是 SQLite 数据库。</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of Coulisse (cache schema %2; this version reads up to %3). It has not been changed. Update Coulisse, or open another cache.</source>
        <translation>%1 由更新版本的 Coulisse 写入（缓存结构版本 %2；本版本最高支持 %3）。文件未作任何改动。请升级 Coulisse，或打开其他缓存。</translation>
    </message>
    <message>
        <source>%1 is damaged and cannot be opened (%2). It has not been changed; restore it from a backup or sync a new cache.</source>
        <translation>%1 已损坏，无法打开（%2）。文件未作任何改动；请从备份恢复，或重新同步一个缓存。</translation>
    </message>
    <message>
        <source>%1 is an SQLite database of another application, not a Coulisse cache. It has not been changed.</source>
        <translation>%1 是其他应用的 SQLite 数据库，不是 Coulisse 缓存。文件未作任何改动。</translation>
    </message>
    <message>
        <source>missing tables: %1</source>
        <translation>缺少数据表：%1</translation>
    </message>
    <message>
        <source>Cannot write to %1: permission denied. Nothing was changed.</source>
        <translation>无法写入 %1：权限不足。未作任何改动。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot create %1: permission denied.</source>
        <translation>无法创建 %1：权限不足。</translation>
    </message>
    <message>
        <source>Cannot write to the folder of %1: permission denied. Nothing was changed.</source>
        <translation>无法写入 %1 所在的文件夹：权限不足。未作任何改动。</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>The SQLite driver did not expose its handle.</source>
        <translation>SQLite 驱动未提供数据库句柄。</translation>
    </message>
    <message>
        <source>%1 needs an upgrade that a read-only open cannot make.</source>
        <translation>%1 需要升级，但只读方式无法升级。</translation>
    </message>
    <message>
        <source>The cache is not open.</source>
        <translation>缓存未打开。</translation>
    </message>
    <message>
        <source>SQLite error: %1</source>
        <translation>SQLite 错误：%1</translation>
    </message>
    <message>
        <source>Migration %1 failed: %2</source>
        <translation>迁移 %1 失败：%2</translation>
    </message>
    <message>
        <source>Migration failed: %1</source>
        <translation>迁移失败：%1</translation>
    </message>
    <message>
        <source>The derived-data script is missing from this build.</source>
        <translation>此版本缺少派生数据脚本。</translation>
    </message>
    <message>
        <source>Foreign key violation in table %1</source>
        <translation>数据表 %1 存在外键冲突</translation>
    </message>
    <message>
        <source>Derived data out of step: %1 (%2 rows)</source>
        <translation>派生数据不一致：%1（%2 行）</translation>
    </message>
    <message>
        <source>%1 is not a search table.</source>
        <translation>%1 不是搜索表。</translation>
    </message>
    <message>
        <source>The search table %1 is missing.</source>
        <translation>缺少搜索表 %1。</translation>
    </message>
    <message>
        <source>Search entries queued but never written (%1 rows)</source>
        <translation>搜索条目已排队但从未写入（%1 行）</translation>
    </message>
</context>
<context>
    <name>CacheEditor</name>
    <message>
        <source>No tag &quot;%1&quot; can go on video %2 (the general library and the library of the video&apos;s game hold its tags).</source>
        <translation>没有可用于视频 %2 的标签“%1”（可用的标签来自通用标签库和该视频所属游戏的标签库）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names more than one tag: give its id.</source>
        <translation>“%1”对应多个标签：请给出标签 ID。</translation>
    </message>
    <message>
        <source>There is no video %1 in the cache.</source>
        <translation>缓存中没有视频 %1。</translation>
    </message>
    <message>
        <source>Tag %1 cannot go on video %2: it belongs neither to the general library nor to the library of the video&apos;s game.</source>
        <translation>标签 %1 不能用于视频 %2：它既不属于通用标签库，也不属于该视频所属游戏的标签库。</translation>
    </message>
    <message>
        <source>Tag %1 is retired and cannot be applied.</source>
        <translation>标签 %1 已下架，不能再使用。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be edited here.</source>
        <translation>此处不能编辑字段“%1”。</translation>
    </message>
    <message>
        <source>The name cannot be empty.</source>
        <translation>名称不能为空。</translation>
    </message>
    <message>
        <source>The status is &quot;active&quot; or &quot;retired&quot;.</source>
        <translation>状态只能是 &quot;active&quot; 或 &quot;retired&quot;。</translation>
    </message>
    <message>
        <source>There is no tag %1 in the cache.</source>
        <translation>缓存中没有标签 %1。</translation>
    </message>
    <message>
        <source>There is no game %1 in the cache.</source>
        <translation>缓存中没有游戏 %1。</translation>
    </message>
    <message>
        <source>There is no change %1 in the outbox.</source>
        <translation>待发队列中没有变更 %1。</translation>
    </message>
    <message>
        <source>Change %1 is not waiting for a decision (it is %2).</source>
        <translation>变更 %1 并未在等待处理（当前状态为 %2）。</translation>
    </message>
    <message>
        <source>Only a conflicting change can be kept or edited; retry or discard a rejected one.</source>
        <translation>只有冲突的变更才能保留或编辑；被拒绝的变更请重试或放弃。</translation>
    </message>
    <message>
        <source>A conflicting change is kept, edited or given up, not retried.</source>
        <translation>冲突的变更只能保留、编辑或放弃，不能重试。</translation>
    </message>
    <message>
        <source>Another tag of this group is already called &quot;%1&quot;.</source>
        <translation>本分组中已有名为“%1”的标签。</translation>
    </message>
    <message>
        <source>A tag needs a name.</source>
        <translation>标签需要名称。</translation>
    </message>
    <message>
        <source>There is no tag group %1 in the cache.</source>
        <translation>缓存中没有标签分组 %1。</translation>
    </message>
    <message>
        <source>A game&apos;s library holds its tags in categories: pick one of them.</source>
        <translation>游戏专属标签库的标签放在分类中：请选择其中一个分类。</translation>
    </message>
    <message>
        <source>A tag called &quot;%1&quot; is already waiting to be created in this group.</source>
        <translation>本分组中已有名为“%1”的标签在等待创建。</translation>
    </message>
    <message>
        <source>A tag cannot be merged into itself.</source>
        <translation>标签不能合并到自身。</translation>
    </message>
    <message>
        <source>Tag %1 is retired: merge into an active tag.</source>
        <translation>标签 %1 已下架：请合并到上架的标签。</translation>
    </message>
    <message>
        <source>Tag %1 cannot take the place of tag %2: it does not fit everything that carries it (game tags merge into game tags; a video tag into the general library or into the same game&apos;s library).</source>
        <translation>标签 %1 不能取代标签 %2：它不适用于所有带有该标签的对象（游戏标签只能合并到游戏标签；视频标签只能合并到通用标签库或同一游戏的标签库）。</translation>
    </message>
    <message>
        <source>A game has no field &quot;%1&quot;.</source>
        <translation>游戏没有字段“%1”。</translation>
    </message>
    <message>
        <source>A game needs a name.</source>
        <translation>游戏需要名称。</translation>
    </message>
    <message>
        <source>There is a game called &quot;%1&quot; already.</source>
        <translation>已有名为“%1”的游戏。</translation>
    </message>
    <message>
        <source>Tag %1 is not a game tag (a tag of a dimension).</source>
        <translation>标签 %1 不是游戏标签（游戏标签维度中的标签）。</translation>
    </message>
    <message>
        <source>There is no operation %1 in the outbox.</source>
        <translation>待发送队列中没有操作 %1。</translation>
    </message>
    <message>
        <source>Operation %1 changed the cache: undo it with an edit.</source>
        <translation>操作 %1 已更改缓存：请用一次编辑来撤销它。</translation>
    </message>
    <message>
        <source>The change was sent to the central store already and can no longer be taken back.</source>
        <translation>该更改已发送到中心库，无法再撤回。</translation>
    </message>
    <message>
        <source>A rejection needs a comment for the author.</source>
        <translation>驳回时须给作者留下说明。</translation>
    </message>
    <message>
        <source>Only a supervisor reviews change requests.</source>
        <translation>只有主管可以审核变更申请。</translation>
    </message>
    <message>
        <source>There is no change request %1 in the cache.</source>
        <translation>缓存中没有变更申请 %1。</translation>
    </message>
    <message>
        <source>You cannot review your own change request.</source>
        <translation>不能审核自己的变更申请。</translation>
    </message>
    <message>
        <source>This change request was already decided (%1 by %2).</source>
        <translation>该变更申请已被处理（%2：%1）。</translation>
    </message>
    <message>
        <source>A decision on this change request is already waiting to sync.</source>
        <translation>对该变更申请的决定已在等待同步。</translation>
    </message>
</context>
<context>
    <name>Catalogue</name>
    <message>
        <source>PC recorder</source>
        <translation>拍大师（PC）</translation>
    </message>
    <message>
        <source>Mobile recorder</source>
        <translation>移动拍大师</translation>
    </message>
    <message>
        <source>Web upload</source>
        <translation>网页上传</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>创作者</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>观众</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>网页</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>PC client</source>
        <translation>PC 客户端</translation>
    </message>
    <message>
        <source>Official site</source>
        <translation>官网</translation>
    </message>
    <message>
        <source>App Store</source>
        <translation>App Store</translation>
    </message>
    <message>
        <source>Huawei AppGallery</source>
        <translation>华为应用市场</translation>
    </message>
    <message>
        <source>Xiaomi GetApps</source>
        <translation>小米应用商店</translation>
    </message>
    <message>
        <source>OPPO App Market</source>
        <translation>OPPO 软件商店</translation>
    </message>
    <message>
        <source>vivo App Store</source>
        <translation>vivo 应用商店</translation>
    </message>
    <message>
        <source>Tencent MyApp</source>
        <translation>腾讯应用宝</translation>
    </message>
    <message>
        <source>Baidu search</source>
        <translation>百度搜索</translation>
    </message>
    <message>
        <source>Bilibili ads</source>
        <translation>B站广告</translation>
    </message>
    <message>
        <source>Douyin ads</source>
        <translation>抖音广告</translation>
    </message>
    <message>
        <source>Friend referral</source>
        <translation>好友推荐</translation>
    </message>
    <message>
        <source>Recorder install</source>
        <translation>录屏工具安装</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>已上架</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已下架</translation>
    </message>
    <message>
        <source>Genre</source>
        <translation>游戏类型</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Combat mode</source>
        <translation>战斗模式</translation>
    </message>
    <message>
        <source>Art style</source>
        <translation>游戏画面</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>游戏题材</translation>
    </message>
    <message>
        <source>Pricing</source>
        <translation>收费模式</translation>
    </message>
    <message>
        <source>Developer</source>
        <translation>开发商</translation>
    </message>
    <message>
        <source>Default tags</source>
        <translation>默认标签</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>道具</translation>
    </message>
    <message>
        <source>Game modes</source>
        <translation>游戏模式</translation>
    </message>
    <message>
        <source>Game tags</source>
        <translation>游戏标签</translation>
    </message>
    <message>
        <source>General library</source>
        <translation>通用标签库</translation>
    </message>
    <message>
        <source>Game library</source>
        <translation>专用标签库</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
</context>
<context>
    <name>CatalogueExporter</name>
    <message>
        <source>The file could not be written: %1</source>
        <translation>无法写入文件：%1</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>CatalogueImporter</name>
    <message>
        <source>%1 &quot;%2&quot; is not 1-%3 characters without control characters or white space at either end</source>
        <translation>%1“%2”须为 1–%3 个字符，不含控制字符，首尾不能有空白</translation>
    </message>
    <message>
        <source>the external id &quot;%1&quot; is on line %2 already</source>
        <translation>外部 ID“%1”已在第 %2 行出现</translation>
    </message>
    <message>
        <source>no row has the external id &quot;%1&quot;, and ids that start with &quot;coulisse:&quot; name rows made in Coulisse</source>
        <translation>没有外部 ID 为“%1”的行；以“coulisse:”开头的 ID 专指在 Coulisse 中创建的行</translation>
    </message>
    <message>
        <source>a new game needs %1</source>
        <translation>新游戏需要 %1</translation>
    </message>
    <message>
        <source>a new tag needs %1</source>
        <translation>新标签需要 %1</translation>
    </message>
    <message>
        <source>a new user needs %1</source>
        <translation>新用户需要 %1</translation>
    </message>
    <message>
        <source>a new video needs %1</source>
        <translation>新视频需要 %1</translation>
    </message>
    <message>
        <source>the name &quot;%1&quot; is on line %2 already</source>
        <translation>名称“%1”已在第 %2 行出现</translation>
    </message>
    <message>
        <source>another game is named &quot;%1&quot; (external id %2)</source>
        <translation>已有另一个游戏名为“%1”（外部 ID %2）</translation>
    </message>
    <message>
        <source>another tag of the group is named &quot;%1&quot; (external id %2)</source>
        <translation>该分组中已有另一个标签名为“%1”（外部 ID %2）</translation>
    </message>
    <message>
        <source>no game has the external id &quot;%1&quot;</source>
        <translation>没有外部 ID 为“%1”的游戏</translation>
    </message>
    <message>
        <source>no user has the external id &quot;%1&quot;</source>
        <translation>没有外部 ID 为“%1”的用户</translation>
    </message>
    <message>
        <source>the central store has no tag group &quot;%1&quot;</source>
        <translation>中央库中没有标签分组“%1”</translation>
    </message>
    <message>
        <source>the game &quot;%1&quot; has no tag group &quot;%2&quot;</source>
        <translation>游戏“%1”没有标签分组“%2”</translation>
    </message>
    <message>
        <source>a tag cannot move to the group &quot;%1&quot; of another library (its videos and games would carry a foreign tag)</source>
        <translation>标签不能移到另一个标签库的分组“%1”（否则其视频和游戏会带上不属于自己的标签）</translation>
    </message>
    <message>
        <source>refused (%1)</source>
        <translation>被拒绝（%1）</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>缺少 %1</translation>
    </message>
    <message>
        <source>%1 is not a string</source>
        <translation>%1 不是字符串</translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation>%1 为空</translation>
    </message>
    <message>
        <source>%1 is not a JSON array of strings</source>
        <translation>%1 不是字符串组成的 JSON 数组</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 is not a number</source>
        <translation>%1 不是数字</translation>
    </message>
    <message>
        <source>%1 is not true or false</source>
        <translation>%1 不是 true 或 false</translation>
    </message>
    <message>
        <source>the group &quot;%1&quot; is a category of a game&apos;s library: the line needs the game</source>
        <translation>分组“%1”是某个游戏标签库的分类：这一行需要填写游戏</translation>
    </message>
    <message>
        <source>a game goes with a group (a category of its library)</source>
        <translation>填写游戏时须同时填写分组（该游戏标签库的分类）</translation>
    </message>
    <message>
        <source>the group &quot;%1&quot; belongs to no game: leave game empty</source>
        <translation>分组“%1”不属于任何游戏：游戏一栏请留空</translation>
    </message>
    <message>
        <source>%1: cannot be read: %2</source>
        <translation>%1：无法读取：%2</translation>
    </message>
    <message>
        <source>%1: not connected to the central store</source>
        <translation>%1：未连接中央库</translation>
    </message>
    <message>
        <source>the central store refused this row: %1</source>
        <translation>中央库拒绝了这一行：%1</translation>
    </message>
    <message>
        <source>the name &quot;%1&quot; still belongs to the game of line %2, which gives it up in this file: a name moves from one game to another in two imports (first rename the game of line %2)</source>
        <translation>名称“%1”仍属于第 %2 行的游戏，该游戏在本文件中才让出这个名称：名称要从一个游戏转给另一个游戏，需分两次导入（先为第 %2 行的游戏改名）</translation>
    </message>
    <message>
        <source>the name &quot;%1&quot; still belongs to the tag of line %2, which gives it up in this file: a name moves from one tag to another in two imports (first rename the tag of line %2)</source>
        <translation>名称“%1”仍属于第 %2 行的标签，该标签在本文件中才让出这个名称：名称要从一个标签转给另一个标签，需分两次导入（先为第 %2 行的标签改名）</translation>
    </message>
    <message>
        <source>%1: a JSON number as an id is a whole number from %2 to %3, without a fraction or an exponent (or write the id as a JSON string)</source>
        <translation>%1：以 JSON 数字表示的 ID 须为 %2 到 %3 之间的整数，且不带小数或指数（或将 ID 写成 JSON 字符串）</translation>
    </message>
</context>
<context>
    <name>CataloguePage</name>
    <message>
        <source>Cannot read the cache: %1</source>
        <translation>无法读取缓存：%1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Select at most %1 rows to copy.</source>
        <translation>一次最多复制 %1 行。</translation>
    </message>
    <message>
        <source>Reading the selected rows…</source>
        <translation>正在读取所选行…</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n row(s).</source>
        <translation>
            <numerusform>已复制 %n 行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Proposed: the change waits for the next sync, then for a supervisor.</source>
        <translation>已提议：更改等待下次同步，然后等待主管审核。</translation>
    </message>
    <message>
        <source>Changed: the change waits for the next sync.</source>
        <translation>已修改：更改等待下次同步。</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Changes on record</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <source>CSV for spreadsheets (*.csv)</source>
        <translation>CSV，供电子表格使用 (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export the Selected Rows</source>
        <translation>导出所选行</translation>
    </message>
    <message>
        <source>Export the Table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>An export is running already.</source>
        <translation>已有导出正在进行。</translation>
    </message>
    <message>
        <source>Select the rows to export first.</source>
        <translation>请先选择要导出的行。</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n row(s) to %1…</source>
        <translation>
            <numerusform>正在导出 %n 行到 %1…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>已导出 %n 行到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>The export was stopped; no file was written.</source>
        <translation>导出已停止，未写入任何文件。</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>Copy Rows</source>
        <translation>复制行</translation>
    </message>
    <message>
        <source>Export Selected Rows…</source>
        <translation>导出所选行…</translation>
    </message>
    <message>
        <source>Export Table…</source>
        <translation>导出表格…</translation>
    </message>
    <message>
        <source>The table changed while the selected rows were read: nothing was exported. Select the rows again.</source>
        <translation>读取所选行时表格发生了变化：未导出任何内容。请重新选择这些行。</translation>
    </message>
    <message>
        <source>%1 (the search index is still being built: some rows may be missing)</source>
        <translation>%1（搜索索引仍在建立中：可能缺少部分结果）</translation>
    </message>
</context>
<context>
    <name>CentralClient</name>
    <message>
        <source>Not signed in to the central store.</source>
        <translation>未登录中心库。</translation>
    </message>
    <message>
        <source>Cannot connect to the central store.</source>
        <translation>无法连接中心库。</translation>
    </message>
</context>
<context>
    <name>CentralConnection</name>
    <message>
        <source>The connection string is not valid: %1</source>
        <translation>连接字符串无效：%1</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <source>The PostgreSQL driver of Qt (QPSQL) is not installed.</source>
        <translation>未安装 Qt 的 PostgreSQL 驱动（QPSQL）。</translation>
    </message>
    <message>
        <source>The port &quot;%1&quot; is not a number between 1 and 65535.</source>
        <translation>端口“%1”不是 1 到 65535 之间的数字。</translation>
    </message>
    <message>
        <source>The value of &quot;%1&quot; contains a semicolon, which the Qt PostgreSQL driver cannot pass on.</source>
        <translation>“%1”的值包含分号，Qt 的 PostgreSQL 驱动无法传递。</translation>
    </message>
    <message>
        <source>Cannot connect to the central store: %1</source>
        <translation>无法连接中心库：%1</translation>
    </message>
    <message>
        <source>%1 (SQLSTATE %2)</source>
        <translation>%1（SQLSTATE %2）</translation>
    </message>
    <message>
        <source>Not connected to the central store.</source>
        <translation>未连接中心库。</translation>
    </message>
    <message>
        <source>The password is empty.</source>
        <translation>密码为空。</translation>
    </message>
    <message>
        <source>Cannot hash the password: %1</source>
        <translation>无法计算密码哈希：%1</translation>
    </message>
    <message>
        <source> (line %1)</source>
        <translation>（第 %1 行）</translation>
    </message>
</context>
<context>
    <name>CentralLevels</name>
    <message>
        <source>Active</source>
        <translation>生效中</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>等待批准</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>已被替换</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
</context>
<context>
    <name>CentralLoader</name>
    <message>
        <source>Loading a catalogue in bulk needs the installer&apos;s connection (a PostgreSQL superuser).</source>
        <translation>批量导入数据需要使用安装者连接（PostgreSQL 超级用户）。</translation>
    </message>
    <message>
        <source>The central store already has a catalogue; a bulk load goes into an empty store only. Nothing was changed.</source>
        <translation>中心库中已有数据；批量导入只能写入空库。未作任何改动。</translation>
    </message>
    <message>
        <source>The bulk load has not begun.</source>
        <translation>批量导入尚未开始。</translation>
    </message>
    <message>
        <source>Not connected to the central store.</source>
        <translation>未连接中心库。</translation>
    </message>
    <message>
        <source>Loading %1 failed: %2</source>
        <translation>导入 %1 失败：%2</translation>
    </message>
</context>
<context>
    <name>CentralSchema</name>
    <message>
        <source>Setting up or migrating the central store needs the installer&apos;s connection (a PostgreSQL superuser): it creates the Coulisse roles and hands every object to the owner role.</source>
        <translation>初始化或迁移中心库需要使用安装者连接（PostgreSQL 超级用户）：此操作会创建 Coulisse 的各个角色，并将所有对象移交给属主角色。</translation>
    </message>
    <message>
        <source>The central store has schema version %1, newer than this Coulisse (%2): update Coulisse. Nothing was changed.</source>
        <translation>中心库的结构版本为 %1，高于本版本 Coulisse 支持的 %2：请升级 Coulisse。未作任何改动。</translation>
    </message>
    <message>
        <source>Cannot read the embedded migration %1.</source>
        <translation>无法读取内置的迁移 %1。</translation>
    </message>
    <message>
        <source>Migration %1 (%2) failed: %3</source>
        <translation>迁移 %1（%2）失败：%3</translation>
    </message>
    <message>
        <source>Cannot create the database &quot;%1&quot;: %2</source>
        <translation>无法创建数据库“%1”：%2</translation>
    </message>
</context>
<context>
    <name>CentralStaff</name>
    <message>
        <source>No game &quot;%1&quot; (give a game id or its name).</source>
        <translation>没有游戏“%1”（请提供游戏 ID 或名称）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names more than one game: give its id.</source>
        <translation>“%1”对应多款游戏：请提供游戏 ID。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>The cache file (default: the default profile&apos;s cache).</source>
        <translation>缓存文件（默认：默认配置的缓存）。</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>多余的参数：%1</translation>
    </message>
    <message>
        <source>Number of videos (default 100000).</source>
        <translation>视频数量（默认 100000）。</translation>
    </message>
    <message>
        <source>Random seed (default 1): same seed, same data.</source>
        <translation>随机种子（默认 1）：种子相同，数据相同。</translation>
    </message>
    <message>
        <source>Number of creators (default: from the videos).</source>
        <translation>创作者数量（默认：按视频数推算）。</translation>
    </message>
    <message>
        <source>Number of viewers (default: from the videos).</source>
        <translation>观众数量（默认：按视频数推算）。</translation>
    </message>
    <message>
        <source>Replace a cache that already holds a catalogue.</source>
        <translation>替换已有内容的缓存。</translation>
    </message>
    <message>
        <source>Print no progress.</source>
        <translation>不显示进度。</translation>
    </message>
    <message>
        <source>--videos takes a number from 0 to 100000000.</source>
        <translation>--videos 的取值范围是 0 到 100000000。</translation>
    </message>
    <message>
        <source>--seed takes a non-negative whole number.</source>
        <translation>--seed 须为非负整数。</translation>
    </message>
    <message>
        <source>--%1 takes a non-negative whole number.</source>
        <translation>--%1 须为非负整数。</translation>
    </message>
    <message>
        <source>Videos need at least one creator.</source>
        <translation>生成视频至少需要一名创作者。</translation>
    </message>
    <message>
        <source>demo-data failed: %1</source>
        <translation>demo-data 失败：%1</translation>
    </message>
    <message>
        <source>Wrote %1 videos, %2 video tags, %3 games, %4 tag groups, %5 tags and %6 users to %7 in %8 s.</source>
        <translation>已写入 %1 个视频、%2 个视频标签、%3 款游戏、%4 个标签分组、%5 个标签和 %6 名用户到 %7，用时 %8 秒。</translation>
    </message>
    <message>
        <source>Checks a cache file: SQLite integrity and derived data.</source>
        <translation>检查缓存文件：SQLite 完整性与派生数据。</translation>
    </message>
    <message>
        <source>%1: ok</source>
        <translation>%1：正常</translation>
    </message>
    <message>
        <source>Prints what a cache file holds.</source>
        <translation>显示缓存文件的内容概况。</translation>
    </message>
    <message>
        <source>Cache:</source>
        <translation>缓存：</translation>
    </message>
    <message>
        <source>Schema version:</source>
        <translation>结构版本：</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>大小：</translation>
    </message>
    <message>
        <source>Write a deterministic demo catalogue into a cache</source>
        <translation>向缓存写入可复现的演示数据</translation>
    </message>
    <message>
        <source>Check a cache&apos;s integrity and derived data</source>
        <translation>检查缓存的完整性与派生数据</translation>
    </message>
    <message>
        <source>Print what a cache holds</source>
        <translation>显示缓存的内容概况</translation>
    </message>
    <message>
        <source>Usage: coulisse-cli [--lang zh_CN|en] COMMAND [options]</source>
        <translation>用法：coulisse-cli [--lang zh_CN|en] 命令 [选项]</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>Run &apos;coulisse-cli COMMAND --help&apos; for the options of a command.</source>
        <translation>运行 &apos;coulisse-cli 命令 --help&apos; 查看命令的选项。</translation>
    </message>
    <message>
        <source>Unknown command: %1</source>
        <translation>未知命令：%1</translation>
    </message>
    <message>
        <source>Loaded %1 videos, %2 video tags, %3 games, %4 tag groups, %5 tags and %6 users into the central store in %7 s.</source>
        <translation>已导入 %1 个视频、%2 个视频标签、%3 款游戏、%4 个标签分组、%5 个标签和 %6 名用户到中心库，用时 %7 秒。</translation>
    </message>
    <message>
        <source>Demo staff (name / password / role):</source>
        <translation>演示员工（名称 / 密码 / 角色）：</translation>
    </message>
    <message>
        <source>Seed this central store (libpq URI or key=value, a superuser&apos;s connection) instead of a cache: the database is created and set up when needed, and the demo staff are added.</source>
        <translation>向此中心库（libpq URI 或 key=value，须为超级用户连接）而非缓存写入演示数据：需要时会创建并初始化数据库，并添加演示员工。</translation>
    </message>
    <message>
        <source>Writes a deterministic demo catalogue into a cache file or a central store.</source>
        <translation>向缓存文件或中心库写入可复现的演示数据。</translation>
    </message>
    <message>
        <source>The central store: a libpq URI or key=value string (default: $COULISSE_CENTRAL_URL, then libpq&apos;s PGHOST, PGUSER, ~/.pgpass...).</source>
        <translation>中心库：libpq URI 或 key=value 字符串（默认：$COULISSE_CENTRAL_URL，其次是 libpq 的 PGHOST、PGUSER、~/.pgpass 等）。</translation>
    </message>
    <message>
        <source>Cannot read the password file %1: %2</source>
        <translation>无法读取密码文件 %1：%2</translation>
    </message>
    <message>
        <source>The password file %1 starts with an empty line.</source>
        <translation>密码文件 %1 的第一行为空。</translation>
    </message>
    <message>
        <source>New password for %1: </source>
        <translation>%1 的新密码：</translation>
    </message>
    <message>
        <source>The password is empty.</source>
        <translation>密码为空。</translation>
    </message>
    <message>
        <source>Repeat the password: </source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>The passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Read the new password from the first line of FILE (default: ask).</source>
        <translation>从 FILE 的第一行读取新密码（默认：提示输入）。</translation>
    </message>
    <message>
        <source>Password: </source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>This database holds no Coulisse store: run &apos;coulisse-cli central init&apos; first.</source>
        <translation>此数据库中没有 Coulisse 中心库：请先运行 &apos;coulisse-cli central init&apos;。</translation>
    </message>
    <message>
        <source>The central store has schema version %1 and this Coulisse expects %2: run &apos;coulisse-cli central migrate&apos; (or update Coulisse).</source>
        <translation>中心库的结构版本为 %1，而本版本 Coulisse 需要 %2：请运行 &apos;coulisse-cli central migrate&apos;（或升级 Coulisse）。</translation>
    </message>
    <message>
        <source>Creates the database when missing and sets up the central store in it (needs a superuser&apos;s connection).</source>
        <translation>如数据库不存在则创建，并在其中初始化中心库（需要超级用户连接）。</translation>
    </message>
    <message>
        <source>Brings the central store to this Coulisse&apos;s schema version (needs a superuser&apos;s connection).</source>
        <translation>将中心库迁移到本版本 Coulisse 的结构版本（需要超级用户连接）。</translation>
    </message>
    <message>
        <source>Created the database.</source>
        <translation>已创建数据库。</translation>
    </message>
    <message>
        <source>Applied migration %1.</source>
        <translation>已应用迁移 %1。</translation>
    </message>
    <message>
        <source>The central store is up to date (schema version %1).</source>
        <translation>中心库已是最新（结构版本 %1）。</translation>
    </message>
    <message>
        <source>The central store is at schema version %1.</source>
        <translation>中心库的结构版本为 %1。</translation>
    </message>
    <message>
        <source>Prints what the central store holds, as the connecting role may see it.</source>
        <translation>按当前连接角色可见的范围，显示中心库的内容概况。</translation>
    </message>
    <message>
        <source>installer (superuser)</source>
        <translation>安装者（超级用户）</translation>
    </message>
    <message>
        <source>Connected as:</source>
        <translation>当前连接身份：</translation>
    </message>
    <message>
        <source>not staff</source>
        <translation>非员工</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>Sync epoch:</source>
        <translation>同步纪元：</translation>
    </message>
    <message>
        <source>Pending change requests:</source>
        <translation>待处理的变更申请：</translation>
    </message>
    <message>
        <source>editor, supervisor, pm or admin.</source>
        <translation>editor（内容编辑）、supervisor（主管）、pm（产品经理）或 admin（管理员）。</translation>
    </message>
    <message>
        <source>--role takes editor, supervisor, pm or admin.</source>
        <translation>--role 的取值为 editor、supervisor、pm 或 admin。</translation>
    </message>
    <message>
        <source>The name people see.</source>
        <translation>对外显示的名称。</translation>
    </message>
    <message>
        <source>Creates a staff account: a login role in one of the four groups. The password is hashed (SCRAM) before it is sent.</source>
        <translation>创建员工账号：即属于四个角色组之一的登录角色。密码在发送前会先做哈希（SCRAM）。</translation>
    </message>
    <message>
        <source>Added %1 as %2.</source>
        <translation>已添加 %1，角色为 %2。</translation>
    </message>
    <message>
        <source>Lists the staff (an admin sees everyone, others themselves).</source>
        <translation>列出员工（管理员可看到所有人，其他人只能看到自己）。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>ACTIVE</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>GAMES</source>
        <translation>游戏</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Moves a staff member to another group (never oneself).</source>
        <translation>将员工调整到另一个角色组（不能调整自己）。</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 的角色已改为 %2。</translation>
    </message>
    <message>
        <source>Lets a deactivated staff member log in again.</source>
        <translation>允许已停用的员工重新登录。</translation>
    </message>
    <message>
        <source>Stops a staff member from logging in; their history stays.</source>
        <translation>禁止员工登录；其历史记录保留。</translation>
    </message>
    <message>
        <source>%1 can log in again.</source>
        <translation>%1 已可重新登录。</translation>
    </message>
    <message>
        <source>%1 is deactivated.</source>
        <translation>%1 已停用。</translation>
    </message>
    <message>
        <source>Comma-separated game ids or names; empty for none.</source>
        <translation>以逗号分隔的游戏 ID 或名称；留空表示不负责任何游戏。</translation>
    </message>
    <message>
        <source>Sets the games an editor works on (their sync scope).</source>
        <translation>设置内容编辑负责的游戏（即其负责范围，决定同步哪些数据）。</translation>
    </message>
    <message>
        <source>--games is required (an empty list removes every game).</source>
        <translation>必须提供 --games（传入空列表则移除所有游戏）。</translation>
    </message>
    <message numerus="yes">
        <source>%1 works on %n game(s).</source>
        <translation>
            <numerusform>%1 负责 %n 款游戏。</numerusform>
        </translation>
    </message>
    <message>
        <source>Sets a staff member&apos;s password (an admin, or oneself).</source>
        <translation>设置员工的密码（限管理员或本人）。</translation>
    </message>
    <message>
        <source>Changed the password of %1.</source>
        <translation>已修改 %1 的密码。</translation>
    </message>
    <message>
        <source>Lists which kinds of change a supervisor may not make alone.</source>
        <translation>列出主管不能独自完成的变更类型。</translation>
    </message>
    <message>
        <source>--review takes yes or no.</source>
        <translation>--review 的取值为 yes 或 no。</translation>
    </message>
    <message>
        <source>Policy updated.</source>
        <translation>审批策略已更新。</translation>
    </message>
    <message>
        <source>The server&apos;s directory (data, log and socket).</source>
        <translation>服务器目录（存放数据、日志和套接字）。</translation>
    </message>
    <message>
        <source>--dir is required.</source>
        <translation>必须提供 --dir。</translation>
    </message>
    <message>
        <source>Also listen on 127.0.0.1:PORT (password logins only).</source>
        <translation>同时监听 127.0.0.1:PORT（仅限密码登录）。</translation>
    </message>
    <message>
        <source>No fsync: quicker, but a crash of the machine may lose data (test suites).</source>
        <translation>不执行 fsync：速度更快，但机器崩溃时可能丢失数据（用于测试套件）。</translation>
    </message>
    <message>
        <source>Starts a private PostgreSQL server in a directory (created on first use) and waits until it accepts connections.</source>
        <translation>在指定目录中启动私有 PostgreSQL 服务器（首次使用时创建该目录），并等待其可接受连接。</translation>
    </message>
    <message>
        <source>--port takes a number between 1 and 65535.</source>
        <translation>--port 须为 1 到 65535 之间的数字。</translation>
    </message>
    <message>
        <source>The server is running. Installer connection:</source>
        <translation>服务器正在运行。安装者连接：</translation>
    </message>
    <message>
        <source>Stop it with: coulisse-cli central private stop --dir %1</source>
        <translation>停止服务器：coulisse-cli central private stop --dir %1</translation>
    </message>
    <message>
        <source>Stops the private PostgreSQL server of a directory.</source>
        <translation>停止某个目录中的私有 PostgreSQL 服务器。</translation>
    </message>
    <message>
        <source>The server is stopped.</source>
        <translation>服务器已停止。</translation>
    </message>
    <message>
        <source>Create and set up a central store (superuser)</source>
        <translation>创建并初始化中心库（超级用户）</translation>
    </message>
    <message>
        <source>Migrate a central store to this version (superuser)</source>
        <translation>将中心库迁移到本版本（超级用户）</translation>
    </message>
    <message>
        <source>Print what a central store holds</source>
        <translation>显示中心库的内容概况</translation>
    </message>
    <message>
        <source>Create a staff account (admin)</source>
        <translation>创建员工账号（管理员）</translation>
    </message>
    <message>
        <source>List staff accounts</source>
        <translation>列出员工账号</translation>
    </message>
    <message>
        <source>Change a staff member&apos;s role (admin)</source>
        <translation>更改员工的角色（管理员）</translation>
    </message>
    <message>
        <source>Stop a staff member from logging in (admin)</source>
        <translation>禁止员工登录（管理员）</translation>
    </message>
    <message>
        <source>Let a staff member log in again (admin)</source>
        <translation>允许员工重新登录（管理员）</translation>
    </message>
    <message>
        <source>Set the games an editor works on (admin)</source>
        <translation>设置内容编辑负责的游戏（管理员）</translation>
    </message>
    <message>
        <source>Set a staff member&apos;s password</source>
        <translation>设置员工密码</translation>
    </message>
    <message>
        <source>Show the approval policy</source>
        <translation>查看审批策略</translation>
    </message>
    <message>
        <source>Change the approval policy (admin)</source>
        <translation>修改审批策略（管理员）</translation>
    </message>
    <message>
        <source>Start a private PostgreSQL server in a directory</source>
        <translation>在指定目录中启动私有 PostgreSQL 服务器</translation>
    </message>
    <message>
        <source>Stop a private PostgreSQL server</source>
        <translation>停止私有 PostgreSQL 服务器</translation>
    </message>
    <message>
        <source>Missing argument: %1</source>
        <translation>缺少参数：%1</translation>
    </message>
    <message>
        <source>The central store refused this for your role: %1</source>
        <translation>中心库拒绝了你的角色执行此操作：%1</translation>
    </message>
    <message>
        <source>The video&apos;s id.</source>
        <translation>视频 ID。</translation>
    </message>
    <message>
        <source>A tag&apos;s id or name (Chinese or English); repeat or separate with commas for several.</source>
        <translation>标签的 ID 或名称（中文或英文）；多个标签可重复此选项或用逗号分隔。</translation>
    </message>
    <message>
        <source>--tag is required.</source>
        <translation>必须指定 --tag。</translation>
    </message>
    <message numerus="yes">
        <source>Video %1: added %n tag(s).</source>
        <translation>
            <numerusform>视频 %1：已添加 %n 个标签。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Video %1: removed %n tag(s).</source>
        <translation>
            <numerusform>视频 %1：已移除 %n 个标签。</numerusform>
        </translation>
    </message>
    <message>
        <source>Add tags to a video in a cache (offline, queued for sync)</source>
        <translation>为缓存中的视频添加标签（离线，排队等待同步）</translation>
    </message>
    <message>
        <source>Remove tags from a video in a cache (offline, queued)</source>
        <translation>移除缓存中视频的标签（离线，排队等待同步）</translation>
    </message>
    <message>
        <source>The central store: a libpq URL or key=value string; a password not in it comes from PGPASSWORD or ~/.pgpass.</source>
        <translation>中心库：libpq URL 或 key=value 字符串；其中未包含的密码取自 PGPASSWORD 或 ~/.pgpass。</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>Sending changes</source>
        <translation>正在发送变更</translation>
    </message>
    <message>
        <source>Copying the catalogue</source>
        <translation>正在复制数据</translation>
    </message>
    <message>
        <source>Receiving changes</source>
        <translation>正在接收变更</translation>
    </message>
    <message>
        <source>Confirming changes</source>
        <translation>正在确认变更</translation>
    </message>
    <message>
        <source>Read the password from the first line of standard input.</source>
        <translation>从标准输入的第一行读取密码。</translation>
    </message>
    <message>
        <source>No progress on standard error.</source>
        <translation>不在标准错误输出中显示进度。</translation>
    </message>
    <message>
        <source>Rows per page of an initial copy (default 50000); each page is committed, so an interrupted copy resumes after the last one.</source>
        <translation>首次复制时每页的行数（默认 50000）；每页单独提交，因此中断的复制会从最后提交的一页之后继续。</translation>
    </message>
    <message>
        <source>Local transactions sent per round trip (default 256).</source>
        <translation>每次往返发送的本地事务数（默认 256）。</translation>
    </message>
    <message>
        <source>Syncs a cache with the central store once: sends the outbox, copies the user&apos;s scope when the cache has none, receives what changed and confirms what central has applied.</source>
        <translation>将缓存与中心库同步一次：发送待发队列；如缓存中尚无数据，则复制该用户负责范围内的数据；接收有变化的内容，并确认中心库已应用的变更。</translation>
    </message>
    <message>
        <source>--url is required.</source>
        <translation>必须提供 --url。</translation>
    </message>
    <message>
        <source>--%1 takes a positive number.</source>
        <translation>--%1 须为正整数。</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2).</source>
        <translation>已以 %1（%2）身份登录。</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n change(s)</source>
        <translation>
            <numerusform>已发送 %n 项变更</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n transaction(s):</source>
        <translation>
            <numerusform>分 %n 个事务：</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 already known to central, %2 awaiting review, %3 rejected, %4 in conflict.</source>
        <translation>其中 %1 项中心库已有，%2 项待审核，%3 项被拒绝，%4 项冲突。</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n game(s) that left your scope.</source>
        <translation>
            <numerusform>已移除 %n 款不再属于你负责范围的游戏。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Received %n change(s).</source>
        <translation>
            <numerusform>已接收 %n 项变更。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Confirmed %n change(s).</source>
        <translation>
            <numerusform>已确认 %n 项变更。</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting: %1; rejected: %2; conflicts: %3.</source>
        <translation>等待中：%1；被拒绝：%2；冲突：%3。</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>同步失败：%1</translation>
    </message>
    <message>
        <source>Nothing is lost: run the sync again later.</source>
        <translation>没有丢失任何数据：请稍后再次运行同步。</translation>
    </message>
    <message>
        <source>Sync finished in %1 ms.</source>
        <translation>同步完成，用时 %1 毫秒。</translation>
    </message>
    <message>
        <source>Prints where a cache stands with the central store (offline).</source>
        <translation>显示缓存与中心库的同步状态（离线）。</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <source>Last sync:</source>
        <translation>上次同步：</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Initial copy:</source>
        <translation>首次复制：</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>interrupted, resumes at the next sync</source>
        <translation>已中断，将在下次同步时继续</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Waiting changes:</source>
        <translation>等待中的变更：</translation>
    </message>
    <message>
        <source>(%1 not yet acknowledged by central)</source>
        <translation>（其中 %1 项尚未得到中心库确认）</translation>
    </message>
    <message>
        <source>Rejected changes:</source>
        <translation>被拒绝的变更：</translation>
    </message>
    <message>
        <source>Conflicts:</source>
        <translation>冲突：</translation>
    </message>
    <message>
        <source>Only operations in this state: pending, sent, applied, rejected, conflict or discarded.</source>
        <translation>仅列出处于此状态的操作：pending、sent、applied、rejected、conflict 或 discarded。</translation>
    </message>
    <message>
        <source>Lists the operations of a cache&apos;s outbox, oldest first.</source>
        <translation>列出缓存待发队列中的操作，最早的在前。</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Central now holds:</source>
        <translation>中心库当前的值：</translation>
    </message>
    <message>
        <source>The outbox is empty.</source>
        <translation>待发队列为空。</translation>
    </message>
    <message>
        <source>A conflict: send my values again over central&apos;s.</source>
        <translation>用于冲突：重新发送我的值，覆盖中心库的值。</translation>
    </message>
    <message>
        <source>A conflict: keep central&apos;s values, give mine up.</source>
        <translation>用于冲突：保留中心库的值，放弃我的修改。</translation>
    </message>
    <message>
        <source>A conflict: send these values instead (a JSON object).</source>
        <translation>用于冲突：改为发送这些值（一个 JSON 对象）。</translation>
    </message>
    <message>
        <source>A rejected change: send it again.</source>
        <translation>用于被拒绝的变更：重新发送。</translation>
    </message>
    <message>
        <source>A rejected change: give it up.</source>
        <translation>用于被拒绝的变更：放弃该变更。</translation>
    </message>
    <message>
        <source>Decides about a rejected or conflicting change of the outbox.</source>
        <translation>处理待发队列中被拒绝或冲突的变更。</translation>
    </message>
    <message>
        <source>Give one operation id and exactly one of --keep-mine, --take-theirs, --edit, --retry, --discard.</source>
        <translation>请提供一个操作 ID，并且只能指定 --keep-mine、--take-theirs、--edit、--retry、--discard 中的一个。</translation>
    </message>
    <message>
        <source>--edit takes a JSON object: %1 (at character %2).</source>
        <translation>--edit 需要一个 JSON 对象：%1（位于第 %2 个字符）。</translation>
    </message>
    <message>
        <source>Operation %1 waits for the next sync.</source>
        <translation>操作 %1 等待下次同步。</translation>
    </message>
    <message>
        <source>Operation %1 is given up; the cache shows central&apos;s values.</source>
        <translation>已放弃操作 %1；缓存现显示中心库的值。</translation>
    </message>
    <message>
        <source>The tag&apos;s id.</source>
        <translation>标签 ID。</translation>
    </message>
    <message>
        <source>The game&apos;s id.</source>
        <translation>游戏 ID。</translation>
    </message>
    <message>
        <source>The new value of %1.</source>
        <translation>%1 的新值。</translation>
    </message>
    <message>
        <source>Edits a tag in the cache, offline; the change waits for the next sync and never overwrites a newer central edit.</source>
        <translation>离线编辑缓存中的标签；变更等待下次同步，且不会覆盖中心库中更新的修改。</translation>
    </message>
    <message>
        <source>Edits a game in the cache, offline; the change waits for the next sync and never overwrites a newer central edit.</source>
        <translation>离线编辑缓存中的游戏；变更等待下次同步，且不会覆盖中心库中更新的修改。</translation>
    </message>
    <message>
        <source>--tag takes a tag id.</source>
        <translation>--tag 需要一个标签 ID。</translation>
    </message>
    <message>
        <source>--game takes a game id.</source>
        <translation>--game 需要一个游戏 ID。</translation>
    </message>
    <message>
        <source>Nothing to change: give at least one new value.</source>
        <translation>无需变更：请至少提供一个新值。</translation>
    </message>
    <message>
        <source>Sync a cache with the central store once (push and pull)</source>
        <translation>将缓存与中心库同步一次（推送和拉取）</translation>
    </message>
    <message>
        <source>Where a cache stands with the central store (offline)</source>
        <translation>查看缓存与中心库的同步状态（离线）</translation>
    </message>
    <message>
        <source>List the changes of a cache&apos;s outbox</source>
        <translation>列出缓存待发队列中的变更</translation>
    </message>
    <message>
        <source>Decide about a rejected or conflicting change</source>
        <translation>处理被拒绝或冲突的变更</translation>
    </message>
    <message>
        <source>Edit a tag in a cache (offline, queued)</source>
        <translation>编辑缓存中的标签（离线，排队等待同步）</translation>
    </message>
    <message>
        <source>Edit a game in a cache (offline, queued)</source>
        <translation>编辑缓存中的游戏（离线，排队等待同步）</translation>
    </message>
    <message>
        <source>A video&apos;s id; repeat or separate with commas for several (one step, all or nothing).</source>
        <translation>视频 ID；多个时可重复此选项或用逗号分隔（一步完成，要么全部成功，要么全不更改）。</translation>
    </message>
    <message>
        <source>Adds tags to videos in the cache, offline; the change waits in the outbox for the next sync.</source>
        <translation>离线为缓存中的视频添加标签；更改在待发送队列中等待下次同步。</translation>
    </message>
    <message>
        <source>Removes tags from videos in the cache, offline; the change waits in the outbox for the next sync.</source>
        <translation>离线从缓存中的视频移除标签；更改在待发送队列中等待下次同步。</translation>
    </message>
    <message>
        <source>--video takes video ids.</source>
        <translation>--video 需要视频 ID。</translation>
    </message>
    <message>
        <source>Nothing to change: the videos already have these tags as asked.</source>
        <translation>无需更改：这些视频的标签已符合要求。</translation>
    </message>
    <message>
        <source>Operation %1.</source>
        <translation>操作 %1。</translation>
    </message>
    <message numerus="yes">
        <source>%n operation(s) wait for the next sync (%1 waiting in all).</source>
        <translation>
            <numerusform>%n 个操作等待下次同步（共 %1 个等待中）。</numerusform>
        </translation>
    </message>
    <message>
        <source>How many suggestions (default 9).</source>
        <translation>推荐数量（默认 9）。</translation>
    </message>
    <message>
        <source>Suggests tags for a video from the cache: words of its title, tags that go with its tags in its game, the game&apos;s common tags.</source>
        <translation>根据缓存为视频推荐标签：标题中的词、在同一游戏中常与其现有标签同时出现的标签、该游戏的常用标签。</translation>
    </message>
    <message>
        <source>--video takes a video id and --limit a positive number.</source>
        <translation>--video 需要视频 ID，--limit 需要正整数。</translation>
    </message>
    <message>
        <source>No suggestions for video %1.</source>
        <translation>视频 %1 没有推荐。</translation>
    </message>
    <message>
        <source>A tag expression, e.g. &quot;英雄联盟 AND 教程 AND NOT 搞笑&quot;.</source>
        <translation>标签表达式，例如 &quot;英雄联盟 AND 教程 AND NOT 搞笑&quot;。</translation>
    </message>
    <message>
        <source>How many videos to list (default 20).</source>
        <translation>列出的视频数量（默认 20）。</translation>
    </message>
    <message>
        <source>Finds the videos of the cache that match a tag expression.</source>
        <translation>查找缓存中符合标签表达式的视频。</translation>
    </message>
    <message>
        <source>--tags is required and --limit takes a number.</source>
        <translation>必须提供 --tags，--limit 需要数字。</translation>
    </message>
    <message numerus="yes">
        <source>%n video(s) match %1.</source>
        <translation>
            <numerusform>%n 个视频符合 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Suggest tags for a video (from the cache)</source>
        <translation>为视频推荐标签（基于缓存）</translation>
    </message>
    <message>
        <source>Find videos by a tag expression</source>
        <translation>按标签表达式查找视频</translation>
    </message>
    <message>
        <source>The aliases, separated by commas (an empty value removes them).</source>
        <translation>别名，用逗号分隔（空值表示移除全部别名）。</translation>
    </message>
    <message>
        <source>The tag group&apos;s id (a dimension, the general library or a category of a game&apos;s library).</source>
        <translation>标签分组 ID（游戏标签维度、通用标签库或游戏专属标签库的分类）。</translation>
    </message>
    <message>
        <source>The tag&apos;s name.</source>
        <translation>标签名称。</translation>
    </message>
    <message>
        <source>The tag&apos;s English name.</source>
        <translation>标签英文名。</translation>
    </message>
    <message>
        <source>Aliases, separated by commas.</source>
        <translation>别名，用逗号分隔。</translation>
    </message>
    <message>
        <source>Creates a tag, offline: it is sent with the next sync and appears in the cache once central has given it an id.</source>
        <translation>离线创建标签：下次同步时发送，中心库分配 ID 后出现在缓存中。</translation>
    </message>
    <message>
        <source>--group takes a group id and --name a name.</source>
        <translation>--group 需要分组 ID，--name 需要名称。</translation>
    </message>
    <message>
        <source>The id of the tag merged away.</source>
        <translation>被合并掉的标签 ID。</translation>
    </message>
    <message>
        <source>The id of the tag that stays.</source>
        <translation>保留的标签 ID。</translation>
    </message>
    <message>
        <source>Merges a tag into another, offline: what carries the first carries the second instead, its names become aliases, and it is retired. Central does it with the next sync.</source>
        <translation>离线将一个标签合并到另一个：带有前者的对象改为带有后者，前者的名称成为别名并被下架。中心库在下次同步时执行。</translation>
    </message>
    <message>
        <source>--tag and --into take tag ids.</source>
        <translation>--tag 和 --into 需要标签 ID。</translation>
    </message>
    <message>
        <source>Tag %1 is on %2 item(s) in this cache; they will carry tag %3.</source>
        <translation>标签 %1 在此缓存中用于 %2 个对象；它们将改为带有标签 %3。</translation>
    </message>
    <message>
        <source>Create a tag (offline, queued)</source>
        <translation>创建标签（离线，排队）</translation>
    </message>
    <message>
        <source>Merge a tag into another (offline, queued)</source>
        <translation>将标签合并到另一个（离线，排队）</translation>
    </message>
    <message>
        <source>The game&apos;s %1.</source>
        <translation>游戏的 %1。</translation>
    </message>
    <message>
        <source>The year of release.</source>
        <translation>发行年份。</translation>
    </message>
    <message>
        <source>Game tags (ids of tags of the dimensions), separated by commas.</source>
        <translation>游戏标签（游戏标签维度中的标签 ID），用逗号分隔。</translation>
    </message>
    <message>
        <source>Creates a game, offline: it is sent with the next sync and appears in the cache once central has created it.</source>
        <translation>离线创建游戏：下次同步时发送，中心库创建后出现在缓存中。</translation>
    </message>
    <message>
        <source>--released takes a year.</source>
        <translation>--released 需要年份。</translation>
    </message>
    <message>
        <source>--tags takes tag ids.</source>
        <translation>--tags 需要标签 ID。</translation>
    </message>
    <message>
        <source>Game tags to add (ids).</source>
        <translation>要添加的游戏标签（ID）。</translation>
    </message>
    <message>
        <source>Game tags to remove (ids).</source>
        <translation>要移除的游戏标签（ID）。</translation>
    </message>
    <message>
        <source>Adds and removes a game&apos;s game tags, offline; the change waits for the next sync.</source>
        <translation>离线添加和移除游戏的游戏标签；更改等待下次同步。</translation>
    </message>
    <message>
        <source>--game takes a game id, --add and --remove tag ids.</source>
        <translation>--game 需要游戏 ID，--add 和 --remove 需要标签 ID。</translation>
    </message>
    <message>
        <source>Nothing to change: the game already has these tags as asked.</source>
        <translation>无需更改：该游戏的标签已符合要求。</translation>
    </message>
    <message>
        <source>Create a game (offline, queued)</source>
        <translation>创建游戏（离线，排队）</translation>
    </message>
    <message>
        <source>Add or remove a game&apos;s game tags (offline, queued)</source>
        <translation>添加或移除游戏的游戏标签（离线，排队）</translation>
    </message>
    <message>
        <source>Only this author&apos;s requests.</source>
        <translation>只列出该作者的申请。</translation>
    </message>
    <message>
        <source>Only this kind (video_tags, game_tags, tag_create, tag_update, tag_merge, game_create, game_update).</source>
        <translation>只列出该类型（video_tags、game_tags、tag_create、tag_update、tag_merge、game_create、game_update）。</translation>
    </message>
    <message>
        <source>The decided requests instead.</source>
        <translation>改为列出已处理的申请。</translation>
    </message>
    <message>
        <source>Lists the change requests of a cache (synced from central), the oldest first: id, age, author, kind, what it affects, and a conflict if the target changed since.</source>
        <translation>列出缓存中的变更申请（从中心库同步），最早的在前：编号、时间、作者、类型、涉及对象，以及目标此后变化造成的冲突。</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s).</source>
        <translation>
            <numerusform>%n 个申请。</numerusform>
        </translation>
    </message>
    <message>
        <source>A comment for the author.</source>
        <translation>给作者的说明。</translation>
    </message>
    <message>
        <source>Why (required): the author reads it.</source>
        <translation>驳回原因（必填），作者会看到。</translation>
    </message>
    <message>
        <source>Approves change requests (ids, comma-separated) in a cache; the next sync sends the decisions.</source>
        <translation>在缓存中批准变更申请（编号以逗号分隔）；下次同步时发送决定。</translation>
    </message>
    <message>
        <source>Rejects change requests (ids, comma-separated) in a cache, with a comment; the next sync sends the decisions.</source>
        <translation>在缓存中驳回变更申请（编号以逗号分隔）并附说明；下次同步时发送决定。</translation>
    </message>
    <message>
        <source>Name the requests to decide (see coulisse-cli review list).</source>
        <translation>请指定要处理的申请（见 coulisse-cli review list）。</translation>
    </message>
    <message numerus="yes">
        <source>%n approval(s) queued; run coulisse-cli sync to send them.</source>
        <translation>
            <numerusform>已排队 %n 个批准；运行 coulisse-cli sync 发送。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejection(s) queued; run coulisse-cli sync to send them.</source>
        <translation>
            <numerusform>已排队 %n 个驳回；运行 coulisse-cli sync 发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>List the change requests of a cache</source>
        <translation>列出缓存中的变更申请</translation>
    </message>
    <message>
        <source>Approve change requests (supervisor; queued for sync)</source>
        <translation>批准变更申请（主管；排队等待同步）</translation>
    </message>
    <message>
        <source>Reject change requests with a comment (queued for sync)</source>
        <translation>驳回变更申请并附说明（排队等待同步）</translation>
    </message>
    <message>
        <source>a supervisor approves</source>
        <translation>需主管批准</translation>
    </message>
    <message>
        <source>applies directly</source>
        <translation>直接生效</translation>
    </message>
    <message>
        <source>yes: a (second) supervisor approves; no: the change applies directly.</source>
        <translation>yes：由（另一位）主管批准；no：修改直接生效。</translation>
    </message>
    <message>
        <source>Only this person&apos;s changes.</source>
        <translation>只看此人的变更。</translation>
    </message>
    <message>
        <source>Only changes of this table (%1).</source>
        <translation>只看此表的变更(%1)。</translation>
    </message>
    <message>
        <source>Changes at or after this time (ISO 8601, e.g. 2026-11-01 or 2026-11-01T08:00).</source>
        <translation>此时间及之后的变更(ISO 8601,例如 2026-11-01 或 2026-11-01T08:00)。</translation>
    </message>
    <message>
        <source>Changes before this time (ISO 8601).</source>
        <translation>此时间之前的变更(ISO 8601)。</translation>
    </message>
    <message>
        <source>The history of one object: video:ID, tag:ID, game:ID, user:ID, staff:NAME or request:UUID.</source>
        <translation>单个对象的历史:video:ID、tag:ID、game:ID、user:ID、staff:名称 或 request:UUID。</translation>
    </message>
    <message>
        <source>At most N changes, the newest (default 50; 0: all).</source>
        <translation>最多 N 条最新的变更(默认 50;0 表示全部)。</translation>
    </message>
    <message>
        <source>Write every matching change to FILE as CSV (UTF-8; - for standard output) instead of listing.</source>
        <translation>把所有匹配的变更以 CSV(UTF-8;- 表示标准输出)写入 FILE,而不是列出。</translation>
    </message>
    <message>
        <source>Lists the central audit log, newest first: when, who, table, action, object and what changed. What you may read is the store&apos;s decision (editors their own changes; supervisors and admins everything).</source>
        <translation>列出中心库的审计日志,最新的在前:时间、操作人、表、操作、对象和变更内容。能看到哪些由中心库决定(编辑只能看自己的变更;主管和管理员可看全部)。</translation>
    </message>
    <message>
        <source>Unknown table &quot;%1&quot;; tables: %2</source>
        <translation>未知的表“%1”;可用的表:%2</translation>
    </message>
    <message>
        <source>--%1 takes a time like 2026-11-01 or 2026-11-01T08:00, not &quot;%2&quot;.</source>
        <translation>--%1 需要 2026-11-01 或 2026-11-01T08:00 这样的时间,而不是“%2”。</translation>
    </message>
    <message>
        <source>--object takes KIND:ID with KIND one of %1.</source>
        <translation>--object 的格式为 类型:ID,类型为 %1 之一。</translation>
    </message>
    <message>
        <source>--limit takes a number of 0 or more.</source>
        <translation>--limit 需要大于等于 0 的数字。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1:%2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) written to %1.</source>
        <translation>
            <numerusform>已将 %Ln 条变更写入 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>No change matches.</source>
        <translation>没有匹配的变更。</translation>
    </message>
    <message>
        <source>List or export the central audit log</source>
        <translation>列出或导出中心库审计日志</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message numerus="yes">
        <source>Loaded %1 events over %n day(s), %2 campaigns, and refreshed the metrics in %3 s.</source>
        <translation>
            <numerusform>已载入 %n 天的 %1 个事件、%2 个活动，并在 %3 秒内刷新了指标。</numerusform>
        </translation>
    </message>
    <message>
        <source>With --central: also generate D days of events before the catalogue&apos;s end (sessions, plays, uploads, VIP, gifts, campaigns), import them and refresh the metrics.</source>
        <translation>与 --central 一起使用：另外生成目录截止日前 D 天的事件（会话、播放、上传、VIP、礼物、活动），导入并刷新指标。</translation>
    </message>
    <message>
        <source>--events-days takes a number of days from 0 to 3650.</source>
        <translation>--events-days 接受 0 到 3650 之间的天数。</translation>
    </message>
    <message>
        <source>--events-days goes with --central: events live in the central store.</source>
        <translation>--events-days 需与 --central 一起使用：事件保存在中心库中。</translation>
    </message>
    <message>
        <source>csv or jsonl (default: from the file&apos;s extension or its first character).</source>
        <translation>csv 或 jsonl（默认：根据文件扩展名或首个字符判断）。</translation>
    </message>
    <message>
        <source>Imports a file of events (CSV with a header row, or JSON Lines) in one transaction: a bad line stops the import with its line and column, and nothing of the file is kept. Needs an admin&apos;s connection.</source>
        <translation>在一个事务中导入事件文件（带表头的 CSV 或 JSON Lines）：遇到错误行即停止并报告行号和列号，该文件的内容一概不保留。需要管理员连接。</translation>
    </message>
    <message>
        <source>--format takes csv or jsonl.</source>
        <translation>--format 接受 csv 或 jsonl。</translation>
    </message>
    <message>
        <source>Importing: %1 %</source>
        <translation>正在导入：%1 %</translation>
    </message>
    <message>
        <source>Nothing of this file was imported.</source>
        <translation>此文件的内容均未导入。</translation>
    </message>
    <message>
        <source>%1 holds no events; nothing was imported.</source>
        <translation>%1 中没有事件；未导入任何内容。</translation>
    </message>
    <message>
        <source>Imported %1 events from %2 (%3 to %4 UTC) in %5 s, %6 events/s.</source>
        <translation>已从 %2 导入 %1 个事件（UTC %3 至 %4），用时 %5 秒，每秒 %6 个事件。</translation>
    </message>
    <message>
        <source>Run &apos;coulisse-cli metrics refresh&apos; to bring the metrics up to date.</source>
        <translation>运行 &apos;coulisse-cli metrics refresh&apos; 以更新指标。</translation>
    </message>
    <message>
        <source>Recompute every day, not only the days with new events.</source>
        <translation>重新计算每一天，而不仅是有新事件的日期。</translation>
    </message>
    <message>
        <source>Brings the metric aggregates up to date with the events (product managers and admins).</source>
        <translation>根据事件更新指标汇总（产品经理和管理员）。</translation>
    </message>
    <message>
        <source>The refresh failed: %1</source>
        <translation>刷新失败：%1</translation>
    </message>
    <message>
        <source>The metrics were up to date (refresh %1, %2 s).</source>
        <translation>指标已是最新（刷新 %1，%2 秒）。</translation>
    </message>
    <message numerus="yes">
        <source>Refreshed %n day(s) from %1 to %2%3 in %4 s (refresh %5).</source>
        <translation>
            <numerusform>已刷新 %1 至 %2 的 %n 天%3，用时 %4 秒（刷新 %5）。</numerusform>
        </translation>
    </message>
    <message>
        <source>, every day</source>
        <translation>，全部日期</translation>
    </message>
    <message>
        <source>Every version, not only the current one.</source>
        <translation>所有版本，而不仅是当前版本。</translation>
    </message>
    <message>
        <source>Prints the metric definitions (数据口径) and their versions.</source>
        <translation>打印指标口径及其版本。</translation>
    </message>
    <message>
        <source>new_users, active_users, content, plays, revenue or campaigns.</source>
        <translation>new_users、active_users、content、plays、revenue 或 campaigns。</translation>
    </message>
    <message>
        <source>The parameters as a JSON object (keys as in version 1).</source>
        <translation>参数，JSON 对象（键与版本 1 相同）。</translation>
    </message>
    <message>
        <source>The written definition in English.</source>
        <translation>英文书面口径。</translation>
    </message>
    <message>
        <source>The written definition in Chinese.</source>
        <translation>中文书面口径。</translation>
    </message>
    <message>
        <source>Why this version (shown with it).</source>
        <translation>此版本的原因（随版本显示）。</translation>
    </message>
    <message>
        <source>Records a new version of a metric definition (product managers). Older versions and what they computed stay as they were.</source>
        <translation>记录指标口径的新版本（产品经理）。旧版本及其计算结果保持不变。</translation>
    </message>
    <message>
        <source>--%1 is required.</source>
        <translation>必须提供 --%1。</translation>
    </message>
    <message>
        <source>--params is not a JSON object: %1 (at character %2)</source>
        <translation>--params 不是 JSON 对象：%1（第 %2 个字符处）</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>不是对象</translation>
    </message>
    <message>
        <source>Recorded %1 version %2; the next refresh computes it for every day.</source>
        <translation>已记录 %1 版本 %2；下次刷新将为每一天计算该版本。</translation>
    </message>
    <message>
        <source>Set it (product managers); the next refresh recomputes every day.</source>
        <translation>设置时区（产品经理）；下次刷新将重新计算每一天。</translation>
    </message>
    <message>
        <source>Prints or sets the time zone of the metrics&apos; calendar days.</source>
        <translation>打印或设置指标自然日所用的时区。</translation>
    </message>
    <message>
        <source>Lists the campaigns.</source>
        <translation>列出活动。</translation>
    </message>
    <message>
        <source>No campaigns.</source>
        <translation>没有活动。</translation>
    </message>
    <message>
        <source>The campaign&apos;s ID.</source>
        <translation>活动 ID。</translation>
    </message>
    <message>
        <source>Its name.</source>
        <translation>活动名称。</translation>
    </message>
    <message>
        <source>A template campaign: join, upload or vip (events that name the campaign count).</source>
        <translation>模板活动：join、upload 或 vip（注明该活动的事件计为参与）。</translation>
    </message>
    <message>
        <source>A custom campaign: the events that count as taking part, separated by commas.</source>
        <translation>自定义活动：计为参与的事件，以逗号分隔。</translation>
    </message>
    <message>
        <source>The goal event.</source>
        <translation>目标事件。</translation>
    </message>
    <message>
        <source>First day (YYYY-MM-DD).</source>
        <translation>首日（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>Last day (YYYY-MM-DD), included.</source>
        <translation>末日（YYYY-MM-DD），包含当天。</translation>
    </message>
    <message>
        <source>Creates or changes a campaign (product managers and admins).</source>
        <translation>创建或修改活动（产品经理和管理员）。</translation>
    </message>
    <message>
        <source>Give either --template or --events.</source>
        <translation>请提供 --template 或 --events 之一。</translation>
    </message>
    <message>
        <source>--start and --end take dates like 2026-11-01.</source>
        <translation>--start 和 --end 接受形如 2026-11-01 的日期。</translation>
    </message>
    <message>
        <source>Saved campaign %1; the next refresh computes its effect.</source>
        <translation>已保存活动 %1；下次刷新将计算其效果。</translation>
    </message>
    <message>
        <source>Deletes a campaign and its figures.</source>
        <translation>删除活动及其数据。</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>已删除。</translation>
    </message>
    <message>
        <source>Import a CSV or JSON Lines file of events (admin)</source>
        <translation>导入 CSV 或 JSON Lines 事件文件（管理员）</translation>
    </message>
    <message>
        <source>Bring the metric aggregates up to date (pm, admin)</source>
        <translation>更新指标汇总（产品经理、管理员）</translation>
    </message>
    <message>
        <source>Print the metric definitions and versions</source>
        <translation>打印指标口径及版本</translation>
    </message>
    <message>
        <source>Record a new version of a metric definition (pm)</source>
        <translation>记录指标口径的新版本（产品经理）</translation>
    </message>
    <message>
        <source>Print or set the metrics&apos; time zone</source>
        <translation>打印或设置指标时区</translation>
    </message>
    <message>
        <source>List the campaigns</source>
        <translation>列出活动</translation>
    </message>
    <message>
        <source>Create or change a campaign (pm, admin)</source>
        <translation>创建或修改活动（产品经理、管理员）</translation>
    </message>
    <message>
        <source>Delete a campaign (pm, admin)</source>
        <translation>删除活动（产品经理、管理员）</translation>
    </message>
    <message>
        <source>Dashboard: %1, or custom (with --metrics).</source>
        <translation>看板：%1，或 custom（配合 --metrics）。</translation>
    </message>
    <message>
        <source>Metrics of a custom report, comma-separated: %1.</source>
        <translation>自定义报表的指标，以逗号分隔：%1。</translation>
    </message>
    <message>
        <source>A saved report of the cache&apos;s user, by name.</source>
        <translation>缓存用户已保存的报表（按名称）。</translation>
    </message>
    <message>
        <source>Days ending on the last complete day: 7d, 30d, 90d, 365d, mtd, last-month, ytd or all (default 30d).</source>
        <translation>截至最后一个完整日的天数：7d、30d、90d、365d、mtd、last-month、ytd 或 all（默认 30d）。</translation>
    </message>
    <message>
        <source>First day (YYYY-MM-DD), with --to.</source>
        <translation>起始日（YYYY-MM-DD），配合 --to。</translation>
    </message>
    <message>
        <source>Last day (YYYY-MM-DD).</source>
        <translation>结束日（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>day, week or month (default day).</source>
        <translation>day、week 或 month（默认 day）。</translation>
    </message>
    <message>
        <source>Split or filter by: platform, channel, os, device_model or source.</source>
        <translation>拆分或筛选维度：platform、channel、os、device_model 或 source。</translation>
    </message>
    <message>
        <source>With --split: only this value.</source>
        <translation>配合 --split：只看这个值。</translation>
    </message>
    <message>
        <source>Compare with the previous period (previous) or N days earlier (e.g. 7d).</source>
        <translation>与上一周期（previous）或 N 天前（如 7d）对比。</translation>
    </message>
    <message>
        <source>The file to write: .pdf, .png or .csv.</source>
        <translation>要写入的文件：.pdf、.png 或 .csv。</translation>
    </message>
    <message>
        <source>Render a metrics dashboard of a cache as PDF, PNG or CSV, without a display (for scheduled reports).</source>
        <translation>无需显示器，将缓存中的指标看板输出为 PDF、PNG 或 CSV（用于定时报表）。</translation>
    </message>
    <message>
        <source>--out must name a .pdf, .png or .csv file.</source>
        <translation>--out 必须是 .pdf、.png 或 .csv 文件。</translation>
    </message>
    <message>
        <source>The cache %1 holds no metrics: sync it as a supervisor, product manager or admin first.</source>
        <translation>缓存 %1 中没有指标：请先以主管、产品经理或管理员身份同步。</translation>
    </message>
    <message>
        <source>No saved report named &quot;%1&quot;.</source>
        <translation>没有名为“%1”的已保存报表。</translation>
    </message>
    <message>
        <source>Name a --dashboard or a saved --report.</source>
        <translation>请指定 --dashboard 或已保存的 --report。</translation>
    </message>
    <message>
        <source>Unknown dashboard &quot;%1&quot;; dashboards: %2, custom.</source>
        <translation>未知看板“%1”；可用看板：%2、custom。</translation>
    </message>
    <message>
        <source>Unknown metric &quot;%1&quot;.</source>
        <translation>未知指标“%1”。</translation>
    </message>
    <message>
        <source>A custom report needs --metrics.</source>
        <translation>自定义报表需要 --metrics。</translation>
    </message>
    <message>
        <source>--from and --to need two dates, YYYY-MM-DD, in order.</source>
        <translation>--from 和 --to 需要两个按先后顺序的日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>Unknown range &quot;%1&quot;.</source>
        <translation>未知范围“%1”。</translation>
    </message>
    <message>
        <source>--granularity is day, week or month.</source>
        <translation>--granularity 只能是 day、week 或 month。</translation>
    </message>
    <message>
        <source>Unknown dimension &quot;%1&quot;.</source>
        <translation>未知维度“%1”。</translation>
    </message>
    <message>
        <source>--compare is previous or a number of days such as 7d.</source>
        <translation>--compare 只能是 previous 或天数（如 7d）。</translation>
    </message>
    <message>
        <source>Data as of %1 (events until %2, time zone %3)</source>
        <translation>数据截至 %1（事件截至 %2，时区 %3）</translation>
    </message>
    <message>
        <source>Custom report</source>
        <translation>自定义报表</translation>
    </message>
    <message>
        <source>%1 dashboard</source>
        <translation>%1看板</translation>
    </message>
    <message>
        <source>Generated %1 by coulisse-cli</source>
        <translation>由 coulisse-cli 生成于 %1</translation>
    </message>
    <message>
        <source>definition v%1</source>
        <translation>口径 v%1</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1: %n panel(s), %2.</source>
        <translation>
            <numerusform>已写入 %1：%n 个图表，%2。</numerusform>
        </translation>
    </message>
    <message>
        <source>Render a metrics dashboard as PDF, PNG or CSV (no display)</source>
        <translation>将指标看板输出为 PDF、PNG 或 CSV（无需显示器）</translation>
    </message>
    <message>
        <source>The report&apos;s name.</source>
        <translation>报表名称。</translation>
    </message>
    <message>
        <source>List the saved metric reports of a cache&apos;s user.</source>
        <translation>列出缓存用户已保存的指标报表。</translation>
    </message>
    <message>
        <source>not yet synced</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <source>No saved reports.</source>
        <translation>没有已保存的报表。</translation>
    </message>
    <message>
        <source>Save a metric report (a dashboard or custom metrics, and its filters) by name in a cache; the next sync sends it to central.</source>
        <translation>在缓存中按名称保存指标报表（看板或自定义指标及其筛选条件）；下次同步时发送到中心库。</translation>
    </message>
    <message>
        <source>A report needs a --name.</source>
        <translation>报表需要 --name。</translation>
    </message>
    <message>
        <source>Saved report &quot;%1&quot;.</source>
        <translation>已保存报表“%1”。</translation>
    </message>
    <message>
        <source>Delete a saved metric report; the next sync deletes it on central too.</source>
        <translation>删除已保存的指标报表；下次同步时中心库也会删除。</translation>
    </message>
    <message>
        <source>Deleted report &quot;%1&quot;.</source>
        <translation>已删除报表“%1”。</translation>
    </message>
    <message>
        <source>List the saved metric reports of a cache</source>
        <translation>列出缓存中已保存的指标报表</translation>
    </message>
    <message>
        <source>Save a metric report by name (synced, per user)</source>
        <translation>按名称保存指标报表（同步，按用户）</translation>
    </message>
    <message>
        <source>Delete a saved metric report</source>
        <translation>删除已保存的指标报表</translation>
    </message>
    <message>
        <source>games, tags, users or videos.</source>
        <translation>games、tags、users 或 videos。</translation>
    </message>
    <message>
        <source>--kind takes games, tags, users or videos.</source>
        <translation>--kind 的取值为 games、tags、users 或 videos。</translation>
    </message>
    <message>
        <source>Check the whole file and report what would be inserted, updated and left unchanged; write nothing.</source>
        <translation>检查整个文件，报告将新增、更新和保持不变的行数；不写入任何内容。</translation>
    </message>
    <message>
        <source>Imports a file of games, tags, users or videos (CSV with a header row, or JSON Lines) into the central store, inserting or updating rows by their external id. The file is checked whole: a bad line stops the import with its line and column, and nothing of the file is kept. Needs an admin&apos;s connection. The columns are in docs/integration.md.</source>
        <translation>将游戏、标签、用户或视频文件（带表头行的 CSV 或 JSON Lines）导入中央库，按外部 ID 新增或更新行。整个文件都会被检查：出错的行会以其行号和列号终止导入，文件中的任何内容都不会保留。需要管理员连接。各列说明见 docs/integration.md。</translation>
    </message>
    <message>
        <source>Dry run of %1: %2 rows would be inserted, %3 updated, %4 unchanged. Nothing was written.</source>
        <translation>%1 试运行：将新增 %2 行、更新 %3 行、%4 行不变。未写入任何内容。</translation>
    </message>
    <message>
        <source>Imported %1 (%2): %3 rows inserted, %4 updated, %5 unchanged, in %6 s (%7 rows/s).</source>
        <translation>已导入 %1（%2）：新增 %3 行，更新 %4 行，%5 行不变，用时 %6 秒（每秒 %7 行）。</translation>
    </message>
    <message>
        <source>csv or jsonl (default: from the extension of --out, else csv).</source>
        <translation>csv 或 jsonl（默认按 --out 的扩展名，否则为 csv）。</translation>
    </message>
    <message>
        <source>The file to write (default: standard output, CSV without the byte order mark).</source>
        <translation>要写入的文件（默认：标准输出，CSV 不带字节顺序标记）。</translation>
    </message>
    <message>
        <source>Writes the central store&apos;s games, tags, users or videos in the format &apos;catalogue import&apos; reads: rows keyed by external id, references by external id, times in UTC.</source>
        <translation>以“catalogue import”可读取的格式写出中央库的游戏、标签、用户或视频：行以外部 ID 为键，引用也用外部 ID，时间为 UTC。</translation>
    </message>
    <message>
        <source>Standard output cannot be written.</source>
        <translation>无法写入标准输出。</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>Wrote %1 %2 to %3.</source>
        <translation>已将 %1 条 %2 写入 %3。</translation>
    </message>
    <message>
        <source>Import games, tags, users or videos by external id (admin)</source>
        <translation>按外部 ID 导入游戏、标签、用户或视频（管理员）</translation>
    </message>
    <message>
        <source>Export games, tags, users or videos in the import format</source>
        <translation>以导入格式导出游戏、标签、用户或视频</translation>
    </message>
    <message>
        <source>Give the release&apos;s ID (see &apos;coulisse-cli releases list&apos;).</source>
        <translation>请给出版本的 ID（见“coulisse-cli releases list”）。</translation>
    </message>
    <message>
        <source>Lists the releases, newest first (supervisors, pms, admins).</source>
        <translation>列出版本，最新的在前（主管、产品经理、管理员）。</translation>
    </message>
    <message>
        <source>%1 offered</source>
        <translation>已推送给 %1 人</translation>
    </message>
    <message>
        <source>forced below %1</source>
        <translation>低于 %1 强制更新</translation>
    </message>
    <message>
        <source>awaiting approval (asked by %1)</source>
        <translation>等待审批（由 %1 提交）</translation>
    </message>
    <message>
        <source>No releases.</source>
        <translation>没有版本。</translation>
    </message>
    <message>
        <source>Change this release (default: create one).</source>
        <translation>修改此版本（默认：新建一个）。</translation>
    </message>
    <message>
        <source>The app (lowercase letters, digits, _; e.g. coulisse).</source>
        <translation>应用（小写字母、数字、_；例如 coulisse）。</translation>
    </message>
    <message>
        <source>android, ios, windows, macos or linux.</source>
        <translation>android、ios、windows、macos 或 linux。</translation>
    </message>
    <message>
        <source>Its version (semantic: 5.2.1, 6.0.0-beta.1).</source>
        <translation>版本号（语义化版本：5.2.1、6.0.0-beta.1）。</translation>
    </message>
    <message>
        <source>The minimum supported version: below it the update is forced (empty: never).</source>
        <translation>最低支持版本：低于它时强制更新（留空：从不强制）。</translation>
    </message>
    <message>
        <source>Rollout percentage, 0 to 100.</source>
        <translation>灰度比例，0 到 100。</translation>
    </message>
    <message>
        <source>Only these channels, separated by commas (empty: all).</source>
        <translation>仅限这些渠道，用逗号分隔（留空：全部）。</translation>
    </message>
    <message>
        <source>Only OS names starting with these, separated by commas (e.g. &quot;Android 13,Android 14&quot;; empty: all).</source>
        <translation>仅限以这些开头的操作系统名，用逗号分隔（例如 &quot;Android 13,Android 14&quot;；留空：全部）。</translation>
    </message>
    <message>
        <source>Only users on this version or later.</source>
        <translation>仅限使用此版本或更高版本的用户。</translation>
    </message>
    <message>
        <source>Only users on this version or earlier.</source>
        <translation>仅限使用此版本或更低版本的用户。</translation>
    </message>
    <message>
        <source>Users who get it whatever the percentage, separated by commas.</source>
        <translation>不论比例都能收到的用户，用逗号分隔。</translation>
    </message>
    <message>
        <source>Release notes in Chinese.</source>
        <translation>中文更新说明。</translation>
    </message>
    <message>
        <source>Release notes in English.</source>
        <translation>英文更新说明。</translation>
    </message>
    <message>
        <source>Creates or changes a draft release (admins); a published release only takes new notes.</source>
        <translation>新建或修改草稿版本（管理员）；已发布的版本只能修改更新说明。</translation>
    </message>
    <message>
        <source>--%1: &quot;%2&quot; is not a version like 5.2.1.</source>
        <translation>--%1：“%2”不是形如 5.2.1 的版本号。</translation>
    </message>
    <message>
        <source>There is no release %1.</source>
        <translation>没有版本 %1。</translation>
    </message>
    <message>
        <source>Saved release %1.</source>
        <translation>已保存版本 %1。</translation>
    </message>
    <message>
        <source>Publishes a draft release (admins). When the approval policy asks for it, the release waits for a second admin or a supervisor.</source>
        <translation>发布草稿版本（管理员）。审批策略要求时，版本需等待另一位管理员或主管批准。</translation>
    </message>
    <message>
        <source>Release %1 waits for a second admin or a supervisor to approve it (&apos;coulisse-cli releases approve %1&apos;).</source>
        <translation>版本 %1 等待另一位管理员或主管批准（“coulisse-cli releases approve %1”）。</translation>
    </message>
    <message>
        <source>Release %1 is published; set its rollout with &apos;coulisse-cli releases rollout %1 --percent N&apos;.</source>
        <translation>版本 %1 已发布；用“coulisse-cli releases rollout %1 --percent N”设置灰度比例。</translation>
    </message>
    <message>
        <source>Approves the publication of a release someone else asked for (admins, supervisors).</source>
        <translation>批准他人提交的版本发布（管理员、主管）。</translation>
    </message>
    <message>
        <source>Release %1 is published.</source>
        <translation>版本 %1 已发布。</translation>
    </message>
    <message>
        <source>Deletes a draft release (admins).</source>
        <translation>删除草稿版本（管理员）。</translation>
    </message>
    <message>
        <source>Deleted draft release %1.</source>
        <translation>已删除草稿版本 %1。</translation>
    </message>
    <message>
        <source>Roll out to N % of the users.</source>
        <translation>推送给 N % 的用户。</translation>
    </message>
    <message>
        <source>Stop offering it to anyone new (who has it keeps it).</source>
        <translation>不再推送给新用户（已收到的保持不变）。</translation>
    </message>
    <message>
        <source>Go on after a halt.</source>
        <translation>暂停后继续。</translation>
    </message>
    <message>
        <source>Offer it to everyone it targets.</source>
        <translation>推送给目标人群中的所有人。</translation>
    </message>
    <message>
        <source>Changes a published release&apos;s rollout (admins).</source>
        <translation>修改已发布版本的灰度（管理员）。</translation>
    </message>
    <message>
        <source>Give one of --percent N, --halt, --resume or --complete.</source>
        <translation>请给出 --percent N、--halt、--resume 或 --complete 之一。</translation>
    </message>
    <message>
        <source>Release %1: done.</source>
        <translation>版本 %1：已完成。</translation>
    </message>
    <message>
        <source>At this percentage instead of the release&apos;s own.</source>
        <translation>按此比例计算，而不是版本自身的比例。</translation>
    </message>
    <message>
        <source>How many of the users active in the last 30 days a release would reach.</source>
        <translation>某个版本能覆盖最近 30 天活跃用户中的多少人。</translation>
    </message>
    <message>
        <source>Users active in the last 30 days: %1; on the release&apos;s platform: %2; in its target groups: %3; reached at %4 %: %5.</source>
        <translation>最近 30 天活跃用户：%1；该版本平台上：%2；目标人群中：%3；按 %4 % 覆盖：%5。</translation>
    </message>
    <message>
        <source>The app&apos;s %1.</source>
        <translation>应用的 %1。</translation>
    </message>
    <message>
        <source>Asks what the platform&apos;s update service asks at an app&apos;s start: none, optional or forced, with the release (records the offer).</source>
        <translation>像平台更新服务在应用启动时那样询问：无更新、可选或强制，以及对应版本（会记录推送）。</translation>
    </message>
    <message>
        <source>List the app releases</source>
        <translation>列出应用版本</translation>
    </message>
    <message>
        <source>Create or change a draft release (admin)</source>
        <translation>新建或修改草稿版本（管理员）</translation>
    </message>
    <message>
        <source>Publish a release, or ask for approval (admin)</source>
        <translation>发布版本或提交审批（管理员）</translation>
    </message>
    <message>
        <source>Approve a release&apos;s publication (admin, supervisor)</source>
        <translation>批准版本发布（管理员、主管）</translation>
    </message>
    <message>
        <source>Delete a draft release (admin)</source>
        <translation>删除草稿版本（管理员）</translation>
    </message>
    <message>
        <source>Set the rollout percentage, halt, resume, complete (admin)</source>
        <translation>设置灰度比例、暂停、继续、全量（管理员）</translation>
    </message>
    <message>
        <source>How many recent users a release would reach</source>
        <translation>某个版本能覆盖多少近期用户</translation>
    </message>
    <message>
        <source>The update decision for an app start</source>
        <translation>应用启动时的更新判定</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>--%1 takes a day as YYYY-MM-DD.</source>
        <translation>--%1 需要 YYYY-MM-DD 格式的日期。</translation>
    </message>
    <message>
        <source>Give the ladder&apos;s version (see &apos;coulisse-cli levels list&apos;).</source>
        <translation>请给出等级阶梯的版本号（见 &apos;coulisse-cli levels list&apos;）。</translation>
    </message>
    <message>
        <source>Level %1 · %2</source>
        <translation>等级 %1 · %2</translation>
    </message>
    <message>
        <source>Resources: %1</source>
        <translation>资源：%1</translation>
    </message>
    <message>
        <source>Print the version&apos;s ladder as JSON (a file to edit).</source>
        <translation>以 JSON 输出该版本的等级阶梯（可编辑的文件）。</translation>
    </message>
    <message>
        <source>The version to print (default: the active one).</source>
        <translation>要输出的版本（默认：生效中的版本）。</translation>
    </message>
    <message>
        <source>Lists the ladder&apos;s versions and prints the active ladder.</source>
        <translation>列出等级阶梯的各个版本，并输出生效中的阶梯。</translation>
    </message>
    <message>
        <source>No such ladder version.</source>
        <translation>没有这个阶梯版本。</translation>
    </message>
    <message>
        <source>No ladder yet: save one with &apos;coulisse-cli levels save&apos;.</source>
        <translation>还没有等级阶梯：请用 &apos;coulisse-cli levels save&apos; 保存一个。</translation>
    </message>
    <message>
        <source>decided by %1</source>
        <translation>由 %1 决定</translation>
    </message>
    <message>
        <source>Version %1 (%2):</source>
        <translation>版本 %1（%2）：</translation>
    </message>
    <message>
        <source>Why the ladder changes.</source>
        <translation>阶梯为什么变更。</translation>
    </message>
    <message>
        <source>Saves a ladder file (JSON) as a new version (product managers). Under the approval policy it waits for a second person.</source>
        <translation>把阶梯文件（JSON）保存为新版本（产品经理）。按审批策略，需等待另一人批准。</translation>
    </message>
    <message>
        <source>Give one ladder file.</source>
        <translation>请给出一个阶梯文件。</translation>
    </message>
    <message>
        <source>Version %1 is active: every creator was placed again.</source>
        <translation>版本 %1 已生效：所有创作者已重新定级。</translation>
    </message>
    <message>
        <source>Version %1 waits for approval.</source>
        <translation>版本 %1 等待批准。</translation>
    </message>
    <message>
        <source>Approves a ladder version waiting for approval (another product manager, or a supervisor).</source>
        <translation>批准一个等待批准的阶梯版本（另一位产品经理或主管）。</translation>
    </message>
    <message>
        <source>Rejects a ladder version waiting for approval (another product manager, or a supervisor).</source>
        <translation>驳回一个等待批准的阶梯版本（另一位产品经理或主管）。</translation>
    </message>
    <message>
        <source>Version %1 was rejected.</source>
        <translation>版本 %1 已被驳回。</translation>
    </message>
    <message>
        <source>Takes back your ladder version waiting for approval.</source>
        <translation>撤回你提交的、等待批准的阶梯版本。</translation>
    </message>
    <message>
        <source>Version %1 was withdrawn.</source>
        <translation>版本 %1 已撤回。</translation>
    </message>
    <message>
        <source>The day metrics are as of (default: yesterday).</source>
        <translation>指标截至的日期（默认：昨天）。</translation>
    </message>
    <message>
        <source>Count the daily facts again from everything.</source>
        <translation>从全部数据重新统计每日数据。</translation>
    </message>
    <message>
        <source>Brings every creator&apos;s metrics and level up to date (pms, admins).</source>
        <translation>更新所有创作者的指标与等级（产品经理、管理员）。</translation>
    </message>
    <message>
        <source>Levels as of %1: %2 creators, %3 changed (ladder version %4).</source>
        <translation>截至 %1 的等级：%2 位创作者，%3 位有变化（阶梯版本 %4）。</translation>
    </message>
    <message>
        <source>The first day.</source>
        <translation>第一天。</translation>
    </message>
    <message>
        <source>The last day.</source>
        <translation>最后一天。</translation>
    </message>
    <message>
        <source>Every N days (default 1).</source>
        <translation>每 N 天一次（默认 1）。</translation>
    </message>
    <message>
        <source>Computes the distribution of past days, each under the ladder version active then (pms, admins).</source>
        <translation>计算过去各天的等级分布，每天按当时生效的阶梯版本（产品经理、管理员）。</translation>
    </message>
    <message>
        <source>Give --from and --to.</source>
        <translation>请给出 --from 和 --to。</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) written.</source>
        <translation>
            <numerusform>已写入 %n 天。</numerusform>
        </translation>
    </message>
    <message>
        <source>List the creators who move.</source>
        <translation>列出等级会变化的创作者。</translation>
    </message>
    <message>
        <source>Shows how many creators a ladder file would move, from the cache&apos;s metrics (offline).</source>
        <translation>根据缓存中的指标（离线）显示阶梯文件会让多少创作者升降级。</translation>
    </message>
    <message>
        <source>%1 creators: %2 up, %3 down, %4 stay.</source>
        <translation>%1 位创作者：%2 位升级，%3 位降级，%4 位不变。</translation>
    </message>
    <message>
        <source>Level %1</source>
        <translation>等级 %1</translation>
    </message>
    <message>
        <source>List the level ladder&apos;s versions and show the active one</source>
        <translation>列出等级阶梯的版本并显示生效中的版本</translation>
    </message>
    <message>
        <source>Save a ladder file as a new version (pm)</source>
        <translation>把阶梯文件保存为新版本（产品经理）</translation>
    </message>
    <message>
        <source>Approve a ladder version (pm, supervisor)</source>
        <translation>批准阶梯版本（产品经理、主管）</translation>
    </message>
    <message>
        <source>Reject a ladder version (pm, supervisor)</source>
        <translation>驳回阶梯版本（产品经理、主管）</translation>
    </message>
    <message>
        <source>Take back your ladder version waiting for approval</source>
        <translation>撤回你等待批准的阶梯版本</translation>
    </message>
    <message>
        <source>Bring every creator&apos;s level up to date (pm, admin)</source>
        <translation>更新所有创作者的等级（产品经理、管理员）</translation>
    </message>
    <message>
        <source>Compute the level distribution of past days (pm, admin)</source>
        <translation>计算过去各天的等级分布（产品经理、管理员）</translation>
    </message>
    <message>
        <source>How many creators a ladder file would move (from a cache)</source>
        <translation>阶梯文件会让多少创作者升降级（基于缓存）</translation>
    </message>
    <message>
        <source>Whose changes: editor, supervisor (default), admin (for releases) or pm (for levels).</source>
        <translation>谁的变更：editor、supervisor（默认）、admin（用于版本发布）或 pm（用于等级）。</translation>
    </message>
    <message>
        <source>Sets whether a kind of change (video_tags, game_tags, tags, tag_groups, games; releases for admins; levels for product managers) needs a second person.</source>
        <translation>设置某类变更（video_tags、game_tags、tags、tag_groups、games；管理员的 releases；产品经理的 levels）是否需要另一人批准。</translation>
    </message>
    <message>
        <source>The levels&apos; refresh failed: %1</source>
        <translation>等级刷新失败：%1</translation>
    </message>
    <message>
        <source>(decision: %1)</source>
        <translation>（审批意见：%1）</translation>
    </message>
    <message>
        <source>The version the file was drafted from: refused if a newer one became active since.</source>
        <translation>文件起草时所依据的版本：若此后有更新的版本生效，则拒绝保存。</translation>
    </message>
    <message>
        <source>--base takes a ladder version (see &apos;coulisse-cli levels list&apos;).</source>
        <translation>--base 需要一个等级阶梯版本号（见 &apos;coulisse-cli levels list&apos;）。</translation>
    </message>
    <message>
        <source>Why (kept with the decision).</source>
        <translation>理由（随审批结果保存）。</translation>
    </message>
    <message>
        <source>Building indexes</source>
        <translation>正在建立索引</translation>
    </message>
    <message>
        <source>Copied %1 rows of the catalogue (ready after %2 ms).</source>
        <translation>已复制目录的 %1 行（%2 毫秒后可用）。</translation>
    </message>
    <message numerus="yes">
        <source>Built the indexes and the search index in %n step(s).</source>
        <translation>
            <numerusform>已分 %n 步建立索引和搜索索引。</numerusform>
        </translation>
    </message>
    <message>
        <source>complete; its indexes are still being built (at the next sync)</source>
        <translation>已完成；其索引仍在建立中（下次同步时继续）</translation>
    </message>
    <message>
        <source>Rows a search table indexes per transaction after an initial copy (default 100000).</source>
        <translation>初次复制后，搜索表每个事务建立索引的行数（默认 100000）。</translation>
    </message>
</context>
<context>
    <name>ConflictEditDialog</name>
    <message>
        <source>Edit the Change</source>
        <translation>编辑变更</translation>
    </message>
    <message>
        <source>Someone else changed this first. Edit your values; they are sent against central&apos;s current version.
%1</source>
        <translation>他人已抢先修改了此项。请编辑你的值；它们将基于中心库的当前版本发送。
%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Yours&lt;/b&gt;</source>
        <translation>&lt;b&gt;你的值&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Central&apos;s&lt;/b&gt;</source>
        <translation>&lt;b&gt;中心库的值&lt;/b&gt;</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>以逗号分隔</translation>
    </message>
    <message>
        <source>Use Central&apos;s</source>
        <translation>使用中心库的值</translation>
    </message>
    <message>
        <source>Send Again</source>
        <translation>重新发送</translation>
    </message>
</context>
<context>
    <name>CopyReader</name>
    <message>
        <source>the connection to the central store broke</source>
        <translation>与中心库的连接已断开</translation>
    </message>
    <message>
        <source>Cannot connect to the central store: %1</source>
        <translation>无法连接中心库：%1</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <source>The keychain is turned off (COULISSE_NO_KEYCHAIN).</source>
        <translation>钥匙串已关闭（COULISSE_NO_KEYCHAIN）。</translation>
    </message>
    <message>
        <source>No keychain is available on this computer.</source>
        <translation>此计算机上没有可用的钥匙串。</translation>
    </message>
    <message>
        <source>No keychain is available: %1</source>
        <translation>没有可用的钥匙串：%1</translation>
    </message>
    <message>
        <source>No password is remembered.</source>
        <translation>没有记住的密码。</translation>
    </message>
</context>
<context>
    <name>DashboardDocument</name>
    <message>
        <source>No data in this range.</source>
        <translation>该范围内没有数据。</translation>
    </message>
    <message>
        <source>Cannot draw on the page.</source>
        <translation>无法在页面上绘制。</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>DemoCacheWriter</name>
    <message>
        <source>%1 already holds a catalogue. Use --replace to write a new demo data set over it.</source>
        <translation>%1 已有数据。如要用新的演示数据覆盖，请加 --replace。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Indexing</source>
        <translation>正在建立索引</translation>
    </message>
    <message>
        <source>Cannot move the new cache into place at %1.</source>
        <translation>无法将新缓存移动到 %1。</translation>
    </message>
</context>
<context>
    <name>DemoCentralWriter</name>
    <message>
        <source>Demo editor</source>
        <translation>演示内容编辑</translation>
    </message>
    <message>
        <source>Demo supervisor</source>
        <translation>演示主管</translation>
    </message>
    <message>
        <source>Demo product manager</source>
        <translation>演示产品经理</translation>
    </message>
    <message>
        <source>Demo admin</source>
        <translation>演示管理员</translation>
    </message>
    <message>
        <source>demo data: %1 videos, seed %2</source>
        <translation>演示数据：%1 个视频，种子 %2</translation>
    </message>
</context>
<context>
    <name>DemoDataGenerator</name>
    <message>
        <source>The demo catalogue is missing from this build.</source>
        <translation>此版本缺少演示数据目录。</translation>
    </message>
    <message>
        <source>The demo catalogue is not valid JSON: %1</source>
        <translation>演示数据目录不是有效的 JSON：%1</translation>
    </message>
    <message>
        <source>The demo catalogue has no games.</source>
        <translation>演示数据目录中没有游戏。</translation>
    </message>
    <message>
        <source>The demo catalogue has no general tags.</source>
        <translation>演示数据目录中没有通用标签。</translation>
    </message>
    <message>
        <source>The demo catalogue names an unknown %1 tag &quot;%2&quot; for %3.</source>
        <translation>演示数据目录为 %3 指定了不存在的%1标签“%2”。</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Videos</source>
        <translation>视频</translation>
    </message>
</context>
<context>
    <name>DemoEnvironment</name>
    <message>
        <source>Cannot create the demo directory %1.</source>
        <translation>无法创建演示目录 %1。</translation>
    </message>
</context>
<context>
    <name>DemoEventGenerator</name>
    <message>
        <source>No temporary directory for the demo events: %1</source>
        <translation>无法为演示事件创建临时目录：%1</translation>
    </message>
</context>
<context>
    <name>EventImporter</name>
    <message>
        <source>%1 is outside the years 2000-2099</source>
        <translation>%1 不在 2000-2099 年之间</translation>
    </message>
    <message>
        <source>the user id &quot;%1&quot; is not a positive whole number</source>
        <translation>用户 ID“%1”不是正整数</translation>
    </message>
    <message>
        <source>the event name &quot;%1&quot; is not 1-64 lowercase letters, digits, _ or . starting with a letter</source>
        <translation>事件名“%1”不是以字母开头、由 1-64 个小写字母、数字、_ 或 . 组成的名称</translation>
    </message>
    <message>
        <source>the platform &quot;%1&quot; is not web, app or pc</source>
        <translation>平台“%1”不是 web、app 或 pc</translation>
    </message>
    <message>
        <source>%1 is longer than %2 characters</source>
        <translation>%1 超过 %2 个字符</translation>
    </message>
    <message>
        <source>the property &quot;%1&quot; is not a non-negative number</source>
        <translation>属性“%1”不是非负数</translation>
    </message>
    <message>
        <source>the property &quot;video_id&quot; is not a positive whole number</source>
        <translation>属性“video_id”不是正整数</translation>
    </message>
    <message>
        <source>the property &quot;%1&quot; is not a string</source>
        <translation>属性“%1”不是字符串</translation>
    </message>
    <message>
        <source>the properties are not valid JSON: %1</source>
        <translation>属性不是有效的 JSON：%1</translation>
    </message>
    <message>
        <source>the properties are not a JSON object</source>
        <translation>属性不是 JSON 对象</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>缺少 %1</translation>
    </message>
    <message>
        <source>%1: cannot be read: %2</source>
        <translation>%1：无法读取：%2</translation>
    </message>
    <message>
        <source>%1: not connected to the central store</source>
        <translation>%1：未连接中心库</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>the central store refused this event: %1</source>
        <translation>中心库拒绝了此事件：%1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a string</source>
        <translation>“%1”不是字符串</translation>
    </message>
</context>
<context>
    <name>FieldParser</name>
    <message>
        <source>&quot;%1&quot; is not a time like 2026-11-01T08:30:00+08:00 (ISO 8601 with a UTC offset)</source>
        <translation>“%1”不是形如 2026-11-01T08:30:00+08:00 的时间（带 UTC 偏移的 ISO 8601）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no UTC offset (add Z or +08:00)</source>
        <translation>“%1”没有 UTC 偏移（请加上 Z 或 +08:00）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid date and time</source>
        <translation>“%1”不是有效的日期时间</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number from %2 to %3</source>
        <translation>“%1”不是 %2 到 %3 之间的整数</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not true or false</source>
        <translation>“%1”不是 true 或 false</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of %2</source>
        <translation>“%1”不是 %2 之一</translation>
    </message>
    <message>
        <source>%1 is longer than %2 characters</source>
        <translation>%1 超过 %2 个字符</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a JSON array of strings like [&quot;a&quot;, &quot;b&quot;]</source>
        <translation>“%1”不是形如 [&quot;a&quot;, &quot;b&quot;] 的字符串 JSON 数组</translation>
    </message>
</context>
<context>
    <name>GameEditDialog</name>
    <message>
        <source>Propose a new game</source>
        <translation>提议新游戏</translation>
    </message>
    <message>
        <source>New game</source>
        <translation>新建游戏</translation>
    </message>
    <message>
        <source>Propose a change to %1</source>
        <translation>提议修改 %1</translation>
    </message>
    <message>
        <source>Edit game %1</source>
        <translation>编辑游戏 %1</translation>
    </message>
    <message>
        <source>Separated by commas</source>
        <translation>用逗号分隔</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Retired: kept with its videos, no longer offered</source>
        <translation>下架：保留其视频，不再提供</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>Developer</source>
        <translation>开发商</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>发行年份</translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>简介</translation>
    </message>
    <message>
        <source>Game tags</source>
        <translation>游戏标签</translation>
    </message>
    <message>
        <source>A supervisor reviews the proposal before it takes effect.</source>
        <translation>提议生效前将由主管审核。</translation>
    </message>
    <message>
        <source>Propose</source>
        <translation>提议</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>A game needs a name.</source>
        <translation>游戏需要名称。</translation>
    </message>
</context>
<context>
    <name>GameTableModel</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名</translation>
    </message>
    <message>
        <source>Developer</source>
        <translation>开发商</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>发行年份</translation>
    </message>
    <message>
        <source>Genre</source>
        <translation>游戏类型</translation>
    </message>
    <message>
        <source>Terminals</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Videos</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Library tags</source>
        <translation>专用标签数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>GamesPage</name>
    <message>
        <source>Games</source>
        <translation>游戏</translation>
    </message>
    <message>
        <source>All game tags</source>
        <translation>全部游戏标签</translation>
    </message>
    <message>
        <source>Game %1 is not in the current list.</source>
        <translation>游戏 %1 不在当前列表中。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln game(s)</source>
        <translation>
            <numerusform>%Ln 款游戏</numerusform>
        </translation>
    </message>
    <message>
        <source>No games match these filters.</source>
        <translation>没有符合筛选条件的游戏。</translation>
    </message>
    <message>
        <source>This cache holds no games yet.</source>
        <translation>此缓存中还没有游戏。</translation>
    </message>
    <message>
        <source>Search games, English names, aliases, developers…</source>
        <translation>搜索游戏名、英文名、别名、开发商…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Videos published per month</source>
        <translation>每月发布视频数</translation>
    </message>
    <message>
        <source>Select a game to see its tags and library.</source>
        <translation>选择一款游戏以查看其标签和专用标签库。</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>Developer</source>
        <translation>开发商</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>发行年份</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Videos</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Game tags</source>
        <translation>游戏标签</translation>
    </message>
    <message>
        <source>Dedicated library</source>
        <translation>专用标签库</translation>
    </message>
    <message numerus="yes">
        <source>and %Ln more</source>
        <translation>
            <numerusform>等另外 %Ln 个</numerusform>
        </translation>
    </message>
    <message>
        <source>videos</source>
        <translation>个视频</translation>
    </message>
    <message>
        <source>Propose a change…</source>
        <translation>提议修改…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Names, developer, release, introduction, game tags (F2)</source>
        <translation>名称、开发商、发行年份、简介、游戏标签（F2）</translation>
    </message>
    <message>
        <source>Propose a game…</source>
        <translation>提议新游戏…</translation>
    </message>
    <message>
        <source>New game…</source>
        <translation>新建游戏…</translation>
    </message>
    <message>
        <source>Edit game %1</source>
        <translation>编辑游戏 %1</translation>
    </message>
    <message>
        <source>The new game is sent with the next sync and appears once central has created it.</source>
        <translation>新游戏在下次同步时发送，中心库创建后出现。</translation>
    </message>
    <message>
        <source>Change the game tags of %1</source>
        <translation>修改 %1 的游戏标签</translation>
    </message>
    <message>
        <source>New game %1</source>
        <translation>新游戏 %1</translation>
    </message>
</context>
<context>
    <name>LadderModel</name>
    <message>
        <source>What the level grants, separated by semicolons</source>
        <translation>该等级给予的资源，用分号分隔</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Name (Chinese)</source>
        <translation>名称（中文）</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
</context>
<context>
    <name>LevelCompareChart</name>
    <message>
        <source>Creators</source>
        <translation>创作者</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
</context>
<context>
    <name>LevelDistributionChart</name>
    <message>
        <source>Creators</source>
        <translation>创作者</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>版本 %1</translation>
    </message>
</context>
<context>
    <name>LevelLadder</name>
    <message>
        <source>%1: rules nest at most 8 deep</source>
        <translation>%1：规则最多嵌套 8 层</translation>
    </message>
    <message>
        <source>%1: a rule is &quot;all&quot; or &quot;any&quot;, not both</source>
        <translation>%1：一条规则是 &quot;all&quot; 或 &quot;any&quot;，不能两者都是</translation>
    </message>
    <message>
        <source>%1.%2: a non-empty list of rules</source>
        <translation>%1.%2：须是非空的规则列表</translation>
    </message>
    <message>
        <source>%1.%2[%3]: not a rule</source>
        <translation>%1.%2[%3]：不是一条规则</translation>
    </message>
    <message>
        <source>%1: unknown metric &quot;%2&quot; (known: %3)</source>
        <translation>%1：未知指标“%2”（可用：%3）</translation>
    </message>
    <message>
        <source>%1: the window is 30, 90 or 365 days, or 0 for all time</source>
        <translation>%1：时间窗口为 30、90 或 365 天，或 0 表示全部时间</translation>
    </message>
    <message>
        <source>%1: the minimum of a rate is from 0 to 1</source>
        <translation>%1：比率的最小值在 0 到 1 之间</translation>
    </message>
    <message>
        <source>%1: unknown key &quot;%2&quot;</source>
        <translation>%1：未知键“%2”</translation>
    </message>
    <message>
        <source>levels: a ladder has at least one level</source>
        <translation>levels：等级阶梯至少有一级</translation>
    </message>
    <message>
        <source>%1: levels are numbered 1, 2, 3… in order (expected %2)</source>
        <translation>%1：等级须按 1、2、3… 顺序编号（应为 %2）</translation>
    </message>
    <message>
        <source>%1: a level has a name</source>
        <translation>%1：等级须有名称</translation>
    </message>
    <message>
        <source>videos published</source>
        <translation>发布作品数</translation>
    </message>
    <message>
        <source>plays</source>
        <translation>播放数</translation>
    </message>
    <message>
        <source>featured videos</source>
        <translation>精选作品数</translation>
    </message>
    <message>
        <source>featured rate</source>
        <translation>精选率</translation>
    </message>
    <message>
        <source>active days</source>
        <translation>活跃天数</translation>
    </message>
    <message>
        <source>followers gained</source>
        <translation>新增粉丝</translation>
    </message>
    <message>
        <source>all time</source>
        <translation>全部时间</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source> and </source>
        <translation> 且 </translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>%1 in %2 ≥ %3</source>
        <translation>%2内%1 ≥ %3</translation>
    </message>
    <message>
        <source>levels: a ladder has at most 100 levels</source>
        <translation>levels：一个阶梯最多 100 个等级</translation>
    </message>
    <message>
        <source>%1.resources: a list of texts</source>
        <translation>%1.resources：应为文本列表</translation>
    </message>
    <message>
        <source>%1:%2:%3: %4</source>
        <translation>%1:%2:%3：%4</translation>
    </message>
    <message>
        <source>a ladder is a JSON object</source>
        <translation>阶梯应为一个 JSON 对象</translation>
    </message>
    <message>
        <source>%1: the minimum is a number from 0 to 10^15</source>
        <translation>%1：门槛是 0 到 10^15 之间的数</translation>
    </message>
    <message>
        <source>%1: a name has at most 100 characters</source>
        <translation>%1：名称最多 100 个字符</translation>
    </message>
    <message>
        <source>%1.resources: at most 50, of at most 200 characters each</source>
        <translation>%1.resources：最多 50 项，每项最多 200 个字符</translation>
    </message>
    <message>
        <source>%1.rule: a rule has at most 50 parts</source>
        <translation>%1.rule：一条规则最多 50 个部分</translation>
    </message>
</context>
<context>
    <name>LevelMovesModel</name>
    <message numerus="yes">
        <source>▲ up %n</source>
        <translation>
            <numerusform>▲ 升 %n 级</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>▼ down %n</source>
        <translation>
            <numerusform>▼ 降 %n 级</numerusform>
        </translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>创作者</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
</context>
<context>
    <name>LevelWhatIf</name>
    <message>
        <source>The creators&apos; metrics could not be read: %1</source>
        <translation>无法读取创作者指标：%1</translation>
    </message>
</context>
<context>
    <name>LevelsPage</name>
    <message>
        <source>Reject Ladder</source>
        <translation>驳回阶梯</translation>
    </message>
    <message>
        <source>Why is this version rejected?</source>
        <translation>为什么驳回这个版本？</translation>
    </message>
    <message>
        <source>Creator Levels</source>
        <translation>创作者等级</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message numerus="yes">
        <source>%n creator(s)</source>
        <translation>
            <numerusform>%n 位创作者</numerusform>
        </translation>
    </message>
    <message>
        <source>Not yet on the ladder</source>
        <translation>尚未入级</translation>
    </message>
    <message>
        <source>Level %1</source>
        <translation>等级 %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>Rule of level %1</source>
        <translation>等级 %1 的规则</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>A ladder has at least one level.</source>
        <translation>一个阶梯至少有一个等级。</translation>
    </message>
    <message>
        <source>Correct the ladder to see what it would change.</source>
        <translation>修正阶梯后即可看到它带来的变化。</translation>
    </message>
    <message>
        <source>No creator&apos;s metrics in this cache yet: they arrive with a sync after the levels&apos; first refresh.</source>
        <translation>缓存中还没有创作者指标：等级首次刷新后，同步会带来这些数据。</translation>
    </message>
    <message>
        <source>metrics as of %1</source>
        <translation>指标截至 %1</translation>
    </message>
    <message>
        <source>With this ladder no creator changes level (%1 creators, %2).</source>
        <translation>按此阶梯，没有创作者的等级变化（%1 位创作者，%2）。</translation>
    </message>
    <message>
        <source>With this ladder %1 would move up and %2 down; %3 stay (%4 creators, %5).</source>
        <translation>按此阶梯，%1 位会升级，%2 位会降级，%3 位不变（%4 位创作者，%5）。</translation>
    </message>
    <message>
        <source>None</source>
        <translation>未入级</translation>
    </message>
    <message>
        <source>Creators who would move (%1)</source>
        <translation>等级会变化的创作者（%1）</translation>
    </message>
    <message>
        <source>Active ladder: version %1, since %2%3. Editing %4.</source>
        <translation>生效中的阶梯：版本 %1，自 %2 起%3。正在编辑%4。</translation>
    </message>
    <message>
        <source> (approved by %1)</source>
        <translation>（由 %1 批准）</translation>
    </message>
    <message>
        <source>a draft from version %1</source>
        <translation>基于版本 %1 的草稿</translation>
    </message>
    <message>
        <source>the active version</source>
        <translation>生效中的版本</translation>
    </message>
    <message>
        <source>No ladder is active yet. A product manager builds one here and saves it.</source>
        <translation>还没有生效的阶梯。产品经理可以在这里建立并保存。</translation>
    </message>
    <message>
        <source>Version %1 by %2 waits for approval%3</source>
        <translation>%2 提交的版本 %1 等待批准%3</translation>
    </message>
    <message>
        <source>: “%1”</source>
        <translation>：“%1”</translation>
    </message>
    <message>
        <source>Version %1 waits for approval: have it decided or withdraw it first.</source>
        <translation>版本 %1 正在等待批准：请先让它得到决定或撤回它。</translation>
    </message>
    <message>
        <source>The central store refused: %1</source>
        <translation>中心库拒绝了：%1</translation>
    </message>
    <message>
        <source>The ladder was saved as a new version; the next sync brings its effect.</source>
        <translation>阶梯已保存为新版本；下次同步会带来它的效果。</translation>
    </message>
    <message>
        <source>Version %1 is active: every creator was placed again.</source>
        <translation>版本 %1 已生效：所有创作者已重新定级。</translation>
    </message>
    <message>
        <source>Version %1 was rejected.</source>
        <translation>版本 %1 已被驳回。</translation>
    </message>
    <message>
        <source>Version %1 was withdrawn.</source>
        <translation>版本 %1 已撤回。</translation>
    </message>
    <message>
        <source>Every creator&apos;s metrics and level were brought up to date; the next sync brings them.</source>
        <translation>所有创作者的指标与等级已更新；下次同步会带来这些数据。</translation>
    </message>
    <message>
        <source>Ladder and What-If</source>
        <translation>阶梯与假设分析</translation>
    </message>
    <message>
        <source>Distribution and Versions</source>
        <translation>分布与版本</translation>
    </message>
    <message>
        <source>Refresh Levels</source>
        <translation>刷新等级</translation>
    </message>
    <message>
        <source>Bring every creator&apos;s metrics and level up to date on the central store</source>
        <translation>在中心库更新所有创作者的指标与等级</translation>
    </message>
    <message>
        <source>Show in Editor</source>
        <translation>在编辑器中查看</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Add Level</source>
        <translation>添加等级</translation>
    </message>
    <message>
        <source>Remove Top Level</source>
        <translation>删除最高等级</translation>
    </message>
    <message>
        <source>Add Condition</source>
        <translation>添加条件</translation>
    </message>
    <message>
        <source>Add “Any of” Group</source>
        <translation>添加“任一”条件组</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Why this change (kept with the version)</source>
        <translation>变更理由（随版本保存）</translation>
    </message>
    <message>
        <source>Save as New Version</source>
        <translation>保存为新版本</translation>
    </message>
    <message>
        <source>Discard Changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>What if</source>
        <translation>假设分析</translation>
    </message>
    <message>
        <source>Creators per level, day by day</source>
        <translation>每天各等级的创作者数</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>By</source>
        <translation>提交人</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>The levels could not be read from the cache: %1</source>
        <translation>无法从本地缓存读取等级：%1</translation>
    </message>
    <message>
        <source>The editor shows changes to version %1: discard them to approve the version as it was saved.</source>
        <translation>编辑器中是对版本 %1 的修改：请先放弃修改，才能按保存时的原样批准该版本。</translation>
    </message>
    <message>
        <source>Reason for the decision</source>
        <translation>审批意见</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Coulisse</source>
        <translation>Coulisse</translation>
    </message>
    <message>
        <source>The cache cannot be opened.</source>
        <translation>无法打开缓存。</translation>
    </message>
    <message>
        <source>Open Another Cache…</source>
        <translation>打开其他缓存…</translation>
    </message>
    <message>
        <source>Open Cache</source>
        <translation>打开缓存</translation>
    </message>
    <message>
        <source>Coulisse caches (*.sqlite *.db);;All files (*)</source>
        <translation>Coulisse 缓存 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Unknown page &quot;%1&quot;; pages: %2</source>
        <translation>未知页面“%1”；可用页面：%2</translation>
    </message>
    <message>
        <source>The page did not finish loading.</source>
        <translation>页面未能加载完成。</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid profile name.</source>
        <translation>“%1”不是有效的配置名称。</translation>
    </message>
    <message>
        <source>--demo-videos takes a non-negative number.</source>
        <translation>--demo-videos 须为非负整数。</translation>
    </message>
    <message>
        <source>The demo cannot start: %1</source>
        <translation>演示无法启动：%1</translation>
    </message>
    <message>
        <source>Demo PostgreSQL server in %1
Demo staff (name / password):
%2</source>
        <translation>演示 PostgreSQL 服务器位于 %1
演示员工（名称 / 密码）：
%2</translation>
    </message>
    <message>
        <source>Unknown part &quot;%1&quot; of page &quot;%2&quot;</source>
        <translation>页面“%2”没有“%1”部分</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Coulisse — %1</source>
        <translation>Coulisse — %1</translation>
    </message>
    <message>
        <source>Cache: %1</source>
        <translation>缓存：%1</translation>
    </message>
    <message>
        <source>Open Cache</source>
        <translation>打开缓存</translation>
    </message>
    <message>
        <source>Coulisse caches (*.sqlite *.db);;All files (*)</source>
        <translation>Coulisse 缓存 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>About Coulisse</source>
        <translation>关于 Coulisse</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Coulisse %1&lt;/h3&gt;&lt;p&gt;The back-office of a game-video community: tags, games, videos, users, reviews and metrics.&lt;/p&gt;&lt;p&gt;Cache: %2&lt;br&gt;Cache schema: %3&lt;br&gt;Qt %4 · SQLite %5&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Coulisse %1&lt;/h3&gt;&lt;p&gt;游戏视频社区的后台：标签、游戏、视频、用户、审核与数据指标。&lt;/p&gt;&lt;p&gt;缓存：%2&lt;br&gt;缓存结构版本：%3&lt;br&gt;Qt %4 · SQLite %5&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Central store: %1</source>
        <translation>中心库：%1</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>同步(&amp;S)</translation>
    </message>
    <message>
        <source>The central store refused the sign-in: %1</source>
        <translation>中心库拒绝了登录：%1</translation>
    </message>
    <message>
        <source>The password is kept for this session only. %1</source>
        <translation>密码仅在本次会话中保留。%1</translation>
    </message>
    <message>
        <source>Not signed in: the remembered password cannot be read. %1</source>
        <translation>未登录：无法读取记住的密码。%1</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2 上的 %1</translation>
    </message>
    <message>
        <source>&amp;Rejected Changes (%1)…</source>
        <translation>被拒绝的变更（%1）(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Tagging</source>
        <translation>打标签(&amp;T)</translation>
    </message>
    <message>
        <source>Accept &amp;Suggestion</source>
        <translation>采纳推荐(&amp;S)</translation>
    </message>
    <message>
        <source>Coulisse %1 is required: this version (%2) is no longer supported</source>
        <translation>需要 Coulisse %1：当前版本（%2）已不再支持</translation>
    </message>
    <message>
        <source>Coulisse %1 is available</source>
        <translation>Coulisse %1 已发布</translation>
    </message>
    <message>
        <source>No release notes.</source>
        <translation>没有更新说明。</translation>
    </message>
</context>
<context>
    <name>MetricChart</name>
    <message>
        <source>incomplete</source>
        <translation>不完整</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>MetricDashboards</name>
    <message>
        <source>by %1</source>
        <translation>按%1</translation>
    </message>
    <message>
        <source>compared with %1 – %2</source>
        <translation>对比 %1 – %2</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>留存</translation>
    </message>
    <message>
        <source>Acquisition</source>
        <translation>获客</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Plays</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>New users</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <source>Active users (DAU, WAU, MAU)</source>
        <translation>活跃用户（日活、周活、月活）</translation>
    </message>
    <message>
        <source>Stickiness (DAU / MAU)</source>
        <translation>粘性（日活 / 月活）</translation>
    </message>
    <message>
        <source>Retention by cohort (day N)</source>
        <translation>各同期群留存（第 N 天）</translation>
    </message>
    <message>
        <source>D1, D7 and D30 retention</source>
        <translation>次日、7 日和 30 日留存</translation>
    </message>
    <message>
        <source>New users by channel</source>
        <translation>各渠道新增用户</translation>
    </message>
    <message>
        <source>New users by platform</source>
        <translation>各平台新增用户</translation>
    </message>
    <message>
        <source>Daily active users by OS</source>
        <translation>各系统日活</translation>
    </message>
    <message>
        <source>New users by device model</source>
        <translation>各机型新增用户</translation>
    </message>
    <message>
        <source>Videos published by source</source>
        <translation>各来源发布作品数</translation>
    </message>
    <message>
        <source>Videos featured</source>
        <translation>精选作品数</translation>
    </message>
    <message>
        <source>Featured rate</source>
        <translation>精选率</translation>
    </message>
    <message>
        <source>Plays by platform</source>
        <translation>各平台播放数</translation>
    </message>
    <message>
        <source>Average watch time</source>
        <translation>平均观看时长</translation>
    </message>
    <message>
        <source>Replay rate</source>
        <translation>重播率</translation>
    </message>
    <message>
        <source>VIP open rate by platform</source>
        <translation>各平台 VIP 开通率</translation>
    </message>
    <message>
        <source>VIP conversion (7 days)</source>
        <translation>VIP 转化率（7 天）</translation>
    </message>
    <message>
        <source>Recorder VIP opens</source>
        <translation>录制 VIP 开通数</translation>
    </message>
    <message>
        <source>Gifts sent</source>
        <translation>礼物发送数</translation>
    </message>
    <message>
        <source>Gift amount</source>
        <translation>礼物金额</translation>
    </message>
    <message>
        <source>Campaigns: before and during</source>
        <translation>活动：活动前与活动期间</translation>
    </message>
    <message>
        <source>Campaign participants per day</source>
        <translation>每日活动参与人数</translation>
    </message>
    <message>
        <source>Videos published, tagged and untagged</source>
        <translation>发布的作品：已打标签与未打标签</translation>
    </message>
    <message>
        <source>Most used tags</source>
        <translation>最常用标签</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>Total (not split by %1)</source>
        <translation>合计（不按%1拆分）</translation>
    </message>
    <message>
        <source>%1 (earlier)</source>
        <translation>%1（对比期）</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>同期群</translation>
    </message>
    <message>
        <source>Cohort size</source>
        <translation>同期群规模</translation>
    </message>
    <message>
        <source>D%1 retention</source>
        <translation>%1 日留存</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Participation before</source>
        <translation>活动前参与率</translation>
    </message>
    <message>
        <source>Participation during</source>
        <translation>活动期间参与率</translation>
    </message>
    <message>
        <source>Conversion during</source>
        <translation>活动期间转化率</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参与人数</translation>
    </message>
    <message>
        <source>Active users during</source>
        <translation>活动期间活跃用户</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Videos</source>
        <translation>作品</translation>
    </message>
    <message>
        <source>Tagged</source>
        <translation>已打标签</translation>
    </message>
    <message>
        <source>Untagged</source>
        <translation>未打标签</translation>
    </message>
</context>
<context>
    <name>MetricPanel</name>
    <message>
        <source>Table, copy and export</source>
        <translation>表格、复制与导出</translation>
    </message>
    <message>
        <source>Show as &amp;Table</source>
        <translation>以表格显示(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>重置缩放(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Copy Data</source>
        <translation>复制数据(&amp;C)</translation>
    </message>
    <message>
        <source>Export &amp;PNG…</source>
        <translation>导出 PNG(&amp;P)…</translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation>导出 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>导出 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>No data in this range.</source>
        <translation>该范围内没有数据。</translation>
    </message>
    <message>
        <source>definition v%1</source>
        <translation>口径 v%1</translation>
    </message>
    <message>
        <source>v%1 ⓘ</source>
        <translation>v%1 ⓘ</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>导出%1</translation>
    </message>
    <message>
        <source>Exported %1.</source>
        <translation>已导出 %1。</translation>
    </message>
</context>
<context>
    <name>MetricStore</name>
    <message>
        <source>New users</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <source>DAU</source>
        <translation>日活</translation>
    </message>
    <message>
        <source>WAU</source>
        <translation>周活</translation>
    </message>
    <message>
        <source>MAU</source>
        <translation>月活</translation>
    </message>
    <message>
        <source>Stickiness (DAU / MAU)</source>
        <translation>粘性（日活 / 月活）</translation>
    </message>
    <message>
        <source>Videos published</source>
        <translation>发布作品数</translation>
    </message>
    <message>
        <source>Videos featured</source>
        <translation>精选作品数</translation>
    </message>
    <message>
        <source>Featured rate</source>
        <translation>精选率</translation>
    </message>
    <message>
        <source>Plays</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Average watch time</source>
        <translation>平均观看时长</translation>
    </message>
    <message>
        <source>Replay rate</source>
        <translation>重播率</translation>
    </message>
    <message>
        <source>VIP open rate</source>
        <translation>VIP 开通率</translation>
    </message>
    <message>
        <source>VIP conversion</source>
        <translation>VIP 转化率</translation>
    </message>
    <message>
        <source>Recorder VIP opens</source>
        <translation>录制 VIP 开通数</translation>
    </message>
    <message>
        <source>Gifts</source>
        <translation>礼物数</translation>
    </message>
    <message>
        <source>Gift amount</source>
        <translation>礼物金额</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>留存</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>OS</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Device model</source>
        <translation>机型</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>PC client</source>
        <translation>PC 客户端</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>网页</translation>
    </message>
    <message>
        <source>PC recorder</source>
        <translation>PC 录制</translation>
    </message>
    <message>
        <source>Mobile recorder</source>
        <translation>手机录制</translation>
    </message>
    <message>
        <source>Web upload</source>
        <translation>网页上传</translation>
    </message>
    <message>
        <source>Official site</source>
        <translation>官网</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
</context>
<context>
    <name>MetricTableModel</name>
    <message>
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>Partial</source>
        <translation>不完整</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>完整</translation>
    </message>
    <message>
        <source>Incomplete period: it reaches past the selected range or the newest complete day of data.</source>
        <translation>不完整周期：超出所选范围或最新的完整数据日。</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
</context>
<context>
    <name>MetricsPage</name>
    <message>
        <source>Custom Report</source>
        <translation>自定义报表</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>最近 90 天</translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation>最近 365 天</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>All data</source>
        <translation>全部数据</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>自定义范围</translation>
    </message>
    <message>
        <source>No split</source>
        <translation>不拆分</translation>
    </message>
    <message>
        <source>No comparison</source>
        <translation>不对比</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>上一周期</translation>
    </message>
    <message>
        <source>7 days earlier</source>
        <translation>7 天前</translation>
    </message>
    <message>
        <source>28 days earlier</source>
        <translation>28 天前</translation>
    </message>
    <message>
        <source>1 year earlier</source>
        <translation>1 年前</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>by</source>
        <translation>按</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>拆分</translation>
    </message>
    <message>
        <source>Metrics…</source>
        <translation>指标…</translation>
    </message>
    <message>
        <source>Saved reports</source>
        <translation>已保存报表</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Save this dashboard and its filters as a report</source>
        <translation>将此看板及其筛选条件保存为报表</translation>
    </message>
    <message>
        <source>Refresh Data</source>
        <translation>刷新数据</translation>
    </message>
    <message>
        <source>Compute the aggregates on the central store from the newest events, then sync them</source>
        <translation>在中心库上用最新事件计算汇总，然后同步过来</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Dashboard as &amp;PDF…</source>
        <translation>看板导出为 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Dashboard as P&amp;NG…</source>
        <translation>看板导出为 PNG(&amp;N)…</translation>
    </message>
    <message>
        <source>Tables as &amp;CSV…</source>
        <translation>表格导出为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Copy Tables</source>
        <translation>复制表格(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Save Report</source>
        <translation>保存报表</translation>
    </message>
    <message>
        <source>Report name:</source>
        <translation>报表名称：</translation>
    </message>
    <message>
        <source>Saved report “%1”.</source>
        <translation>已保存报表“%1”。</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Every value</source>
        <translation>所有取值</translation>
    </message>
    <message>
        <source>This cache holds no metrics yet. They arrive with the next sync for supervisors, product managers and admins, once the central store has events and a refresh.</source>
        <translation>此缓存中还没有指标。中心库有事件并完成刷新后，主管、产品经理和管理员在下次同步时会收到指标。</translation>
    </message>
    <message>
        <source>Data as of %1 (events until %2, time zone %3) · shaded periods are incomplete</source>
        <translation>数据截至 %1（事件截至 %2，时区 %3）· 阴影周期为不完整数据</translation>
    </message>
    <message numerus="yes">
        <source>%n panel(s)</source>
        <translation>
            <numerusform>%n 个图表</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied the tables of %n panel(s).</source>
        <translation>
            <numerusform>已复制 %n 个图表的表格。</numerusform>
        </translation>
    </message>
    <message>
        <source>Refreshing the metrics on the central store…</source>
        <translation>正在中心库刷新指标…</translation>
    </message>
    <message>
        <source>The refresh failed: %1</source>
        <translation>刷新失败：%1</translation>
    </message>
    <message>
        <source>Metrics refreshed; syncing them.</source>
        <translation>指标已刷新，正在同步。</translation>
    </message>
    <message>
        <source>%1 dashboard</source>
        <translation>%1看板</translation>
    </message>
    <message>
        <source>Generated %1</source>
        <translation>生成于 %1</translation>
    </message>
    <message>
        <source>Export Dashboard</source>
        <translation>导出看板</translation>
    </message>
    <message>
        <source>Exported %1.</source>
        <translation>已导出 %1。</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名</translation>
    </message>
    <message>
        <source>aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>introduction</source>
        <translation>简介</translation>
    </message>
    <message>
        <source>developer</source>
        <translation>开发商</translation>
    </message>
    <message>
        <source>release year</source>
        <translation>发行年份</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2 “%3”</source>
        <translation>%1 %2“%3”</translation>
    </message>
    <message>
        <source>add tags %1</source>
        <translation>添加标签 %1</translation>
    </message>
    <message>
        <source>remove tags %1</source>
        <translation>移除标签 %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Game</source>
        <translation>游戏</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>New tag “%1”</source>
        <translation>新标签“%1”</translation>
    </message>
    <message>
        <source>New game “%1”</source>
        <translation>新游戏“%1”</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>Someone else changed it first.</source>
        <translation>已被他人抢先修改。</translation>
    </message>
    <message>
        <source>Someone else changed it first; central has %1.</source>
        <translation>已被他人抢先修改；中心库当前为 %1。</translation>
    </message>
    <message>
        <source>Central refused the change.</source>
        <translation>中心库拒绝了此变更。</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason / central&apos;s values</source>
        <translation>原因 / 中心库的值</translation>
    </message>
    <message>
        <source>Merge %1 into %2</source>
        <translation>将 %1 合并到 %2</translation>
    </message>
</context>
<context>
    <name>PrivatePostgres</name>
    <message>
        <source>COULISSE_PG_BINDIR is set to %1, which has no initdb and pg_ctl. Point it at the bin directory of a PostgreSQL server installation, or unset it.</source>
        <translation>COULISSE_PG_BINDIR 设为 %1，但其中没有 initdb 和 pg_ctl。请将其指向 PostgreSQL 服务器安装的 bin 目录，或取消设置该变量。</translation>
    </message>
    <message>
        <source>No PostgreSQL server found: no %1/&lt;version&gt;/bin has initdb and pg_ctl. Install the PostgreSQL server (on Debian: apt install postgresql) or set COULISSE_PG_BINDIR to its bin directory.</source>
        <translation>未找到 PostgreSQL 服务器：没有任何 %1/&lt;version&gt;/bin 目录包含 initdb 和 pg_ctl。请安装 PostgreSQL 服务器（Debian 上：apt install postgresql），或将 COULISSE_PG_BINDIR 设为其 bin 目录。</translation>
    </message>
    <message>
        <source>Qt&apos;s PostgreSQL driver (QPSQL) is not installed. Install it (on Debian: apt install libqt6sql6-psql).</source>
        <translation>未安装 Qt 的 PostgreSQL 驱动（QPSQL）。请安装该驱动（Debian 上：apt install libqt6sql6-psql）。</translation>
    </message>
    <message>
        <source>The PostgreSQL server in %1 is already running on port %2, not %3. Stop it first to change the port.</source>
        <translation>%1 中的 PostgreSQL 服务器已在端口 %2 上运行，而不是 %3。如要更改端口，请先停止该服务器。</translation>
    </message>
    <message>
        <source>The PostgreSQL server in %1 is running but does not accept connections: %2
Last lines of %3:
%4</source>
        <translation>%1 中的 PostgreSQL 服务器正在运行，但不接受连接：%2
%3 的最后几行：
%4</translation>
    </message>
    <message>
        <source>No directory was given for the private PostgreSQL server.</source>
        <translation>未指定私有 PostgreSQL 服务器的目录。</translation>
    </message>
    <message>
        <source>The PostgreSQL server in %1 did not stop. %2
Stop its postgres process by hand (its id is on the first line of %3).</source>
        <translation>%1 中的 PostgreSQL 服务器未能停止。%2
请手动停止其 postgres 进程（进程 ID 位于 %3 的第一行）。</translation>
    </message>
    <message>
        <source>%1 is not a TCP port: use 1 to 65535, or 0 for the unix socket only.</source>
        <translation>%1 不是有效的 TCP 端口：请使用 1 到 65535，或用 0 表示仅使用 unix 套接字。</translation>
    </message>
    <message>
        <source>The path %1 contains a character that PostgreSQL&apos;s tools cannot handle (a double quote, $, `, a backslash or a control character). Choose a directory without them.</source>
        <translation>路径 %1 包含 PostgreSQL 工具无法处理的字符（双引号、$、`、反斜杠或控制字符）。请选择不含这些字符的目录。</translation>
    </message>
    <message>
        <source>The socket path %1 is %2 bytes long, but unix socket paths are limited to %3 bytes. Choose a shorter directory.</source>
        <translation>套接字路径 %1 长 %2 字节，但 unix 套接字路径最长为 %3 字节。请选择更短的目录。</translation>
    </message>
    <message>
        <source>%1 is a file, not a directory, so the private PostgreSQL server cannot live in %2. Choose another directory.</source>
        <translation>%1 是文件而不是目录，私有 PostgreSQL 服务器无法放在 %2 中。请选择其他目录。</translation>
    </message>
    <message>
        <source>This process runs as root, which PostgreSQL refuses, and there is no &quot;%1&quot; system user to run the server as. Create that user (the postgresql package does) or run as a normal user.</source>
        <translation>此进程以 root 身份运行，而 PostgreSQL 拒绝以 root 运行，系统中也没有可用来运行服务器的“%1”用户。请创建该用户（postgresql 软件包会创建），或以普通用户身份运行。</translation>
    </message>
    <message>
        <source>This process runs as root, so PostgreSQL must run as the &quot;%1&quot; user, but runuser (util-linux) is not installed. Install util-linux or run as a normal user.</source>
        <translation>此进程以 root 身份运行，因此 PostgreSQL 须以“%1”用户身份运行，但未安装 runuser（util-linux）。请安装 util-linux，或以普通用户身份运行。</translation>
    </message>
    <message>
        <source>Could not create the directory %1. Check that you may write there, or choose another directory.</source>
        <translation>无法创建目录 %1。请检查是否有写入权限，或选择其他目录。</translation>
    </message>
    <message>
        <source>Could not create the directory %1: %2. Check that you may write there, or choose another directory.</source>
        <translation>无法创建目录 %1：%2。请检查是否有写入权限，或选择其他目录。</translation>
    </message>
    <message>
        <source>Could not examine %1: %2.</source>
        <translation>无法检查 %1：%2。</translation>
    </message>
    <message>
        <source>%1 belongs to another user. Choose a directory of your own.</source>
        <translation>%1 属于其他用户。请选择属于当前用户的目录。</translation>
    </message>
    <message>
        <source>Could not make %1 private (mode 0700): %2.</source>
        <translation>无法将 %1 设为私有（权限 0700）：%2。</translation>
    </message>
    <message>
        <source>%1 is a file, but it should be the PostgreSQL data directory. Move it away or choose another directory.</source>
        <translation>%1 是文件，但此处应为 PostgreSQL 数据目录。请将其移走，或选择其他目录。</translation>
    </message>
    <message>
        <source>%1 cannot be read: it belongs to another user. Run as that user or choose another directory.</source>
        <translation>无法读取 %1：它属于其他用户。请以该用户身份运行，或选择其他目录。</translation>
    </message>
    <message>
        <source>%1 already holds files that are not part of a PostgreSQL server of Coulisse (%2). Nothing was changed: choose an empty or new directory, or move those files away.</source>
        <translation>%1 中已有不属于 Coulisse PostgreSQL 服务器的文件（%2）。未作任何改动：请选择空目录或新目录，或将这些文件移走。</translation>
    </message>
    <message>
        <source>Could not resolve the path %1.</source>
        <translation>无法解析路径 %1。</translation>
    </message>
    <message>
        <source>The &quot;%1&quot; user cannot reach %2: it may not traverse %3 (mode %4). This process runs as root, so PostgreSQL runs as &quot;%1&quot;. Choose a directory whose parents every user may enter (under /tmp or /var/lib for instance), or allow it with chmod o+x %3.</source>
        <translation>“%1”用户无法访问 %2：它无权进入 %3（权限 %4）。此进程以 root 身份运行，因此 PostgreSQL 以“%1”用户身份运行。请选择各级上级目录都允许所有用户进入的目录（例如 /tmp 或 /var/lib 下），或用 chmod o+x %3 授予权限。</translation>
    </message>
    <message>
        <source>Could not give %1 to the &quot;%2&quot; user, who runs PostgreSQL when this process is root: %3.</source>
        <translation>无法将 %1 的所有者改为“%2”用户（此进程以 root 身份运行时，由该用户运行 PostgreSQL）：%3。</translation>
    </message>
    <message>
        <source>Could not create the PostgreSQL cluster in %1. %2</source>
        <translation>无法在 %1 中创建 PostgreSQL 集群。%2</translation>
    </message>
    <message>
        <source>Could not write %1: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
    <message>
        <source>Could not read %1: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
        <source>Could not give %1 to the &quot;%2&quot; user: %3.</source>
        <translation>无法将 %1 的所有者改为“%2”用户：%3。</translation>
    </message>
    <message>
        <source>The PostgreSQL server in %1 did not start. %2
Last lines of %3:
%4</source>
        <translation>%1 中的 PostgreSQL 服务器未能启动。%2
%3 的最后几行：
%4</translation>
    </message>
    <message>
        <source>The PostgreSQL server in %1 started but does not accept connections: %2
Last lines of %3:
%4</source>
        <translation>%1 中的 PostgreSQL 服务器已启动，但不接受连接：%2
%3 的最后几行：
%4</translation>
    </message>
    <message>
        <source>(stopped after %1 seconds without an answer)</source>
        <translation>（%1 秒内无响应，已终止）</translation>
    </message>
    <message>
        <source>(crashed)</source>
        <translation>（已崩溃）</translation>
    </message>
    <message>
        <source>%1 did not run to its end: %2</source>
        <translation>%1 未能运行完成：%2</translation>
    </message>
    <message>
        <source>%1 failed with exit code %2:
%3</source>
        <translation>%1 失败，退出码 %2：
%3</translation>
    </message>
    <message>
        <source>(no server log)</source>
        <translation>（无服务器日志）</translation>
    </message>
    <message>
        <source>(the server log is empty)</source>
        <translation>（服务器日志为空）</translation>
    </message>
</context>
<context>
    <name>RecordReader</name>
    <message>
        <source>the file is empty: a CSV file starts with a header row</source>
        <translation>文件为空：CSV 文件须以表头行开始</translation>
    </message>
    <message>
        <source>the line is not valid UTF-8</source>
        <translation>该行不是有效的 UTF-8</translation>
    </message>
    <message>
        <source>unknown column &quot;%1&quot; (known: %2)</source>
        <translation>未知列“%1”（可用：%2）</translation>
    </message>
    <message>
        <source>the column &quot;%1&quot; appears twice</source>
        <translation>列“%1”出现了两次</translation>
    </message>
    <message>
        <source>the header has no &quot;%1&quot; column</source>
        <translation>表头中没有“%1”列</translation>
    </message>
    <message>
        <source>a quoted field is not closed before the end of the file</source>
        <translation>带引号的字段直到文件结尾都没有闭合</translation>
    </message>
    <message>
        <source>text after the closing quote of a field</source>
        <translation>字段的结束引号后还有文字</translation>
    </message>
    <message>
        <source>a quote inside a field that does not start with one (quote the whole field and double the quotes inside it)</source>
        <translation>字段中间出现引号，但字段不是以引号开始（请给整个字段加引号，并把其中的引号写成两个）</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s), but the header has %1</source>
        <translation>
            <numerusform>有 %n 个字段，但表头有 %1 个</numerusform>
        </translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>不是有效的 JSON：%1</translation>
    </message>
    <message>
        <source>each line holds one JSON object</source>
        <translation>每行须是一个 JSON 对象</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; (known: %2)</source>
        <translation>未知键“%1”（可用：%2）</translation>
    </message>
    <message>
        <source>%1:%2:%3: %4</source>
        <translation>%1:%2:%3：%4</translation>
    </message>
    <message>
        <source>%1:%2: %3</source>
        <translation>%1:%2：%3</translation>
    </message>
</context>
<context>
    <name>RejectedChangesDialog</name>
    <message>
        <source>The changes cannot be read: %1</source>
        <translation>无法读取变更：%1</translation>
    </message>
    <message>
        <source>Select a change in conflict.</source>
        <translation>请选择一项冲突的变更。</translation>
    </message>
    <message>
        <source>Select a rejected change.</source>
        <translation>请选择一项被拒绝的变更。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2</translation>
    </message>
    <message>
        <source>Rejected Changes</source>
        <translation>被拒绝的变更</translation>
    </message>
    <message>
        <source>&amp;Keep Mine</source>
        <translation>保留我的(&amp;K)</translation>
    </message>
    <message>
        <source>Send your values again, over central&apos;s current version</source>
        <translation>重新发送你的值，覆盖中心库的当前版本</translation>
    </message>
    <message>
        <source>&amp;Take Theirs</source>
        <translation>采用中心库的(&amp;T)</translation>
    </message>
    <message>
        <source>Keep central&apos;s values and drop your change</source>
        <translation>保留中心库的值，放弃你的变更</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Edit your values, then send them again</source>
        <translation>编辑你的值，然后重新发送</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <source>Send the same change again</source>
        <translation>再次发送相同的变更</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>放弃(&amp;D)</translation>
    </message>
    <message>
        <source>Give the change up (it stays in the record)</source>
        <translation>放弃此变更（记录仍会保留）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Nothing waits for your decision: central has accepted every change sent so far.</source>
        <translation>没有需要你处理的变更：中心库已接受目前发送的所有变更。</translation>
    </message>
    <message>
        <source>Rejected: %1 · in conflict: %2. A conflict is a change someone else made first; a rejected change is one central refused, for the reason shown.</source>
        <translation>被拒绝：%1 · 冲突：%2。冲突是指他人已抢先修改了同一内容；被拒绝的变更是指中心库出于所示原因拒绝的变更。</translation>
    </message>
</context>
<context>
    <name>ReleaseTableModel</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>等待审批</translation>
    </message>
    <message>
        <source>Rolling out</source>
        <translation>灰度中</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>全量</translation>
    </message>
    <message>
        <source>Halted</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Published %1 by %2, approved by %3</source>
        <translation>%1 由 %2 发布，%3 批准</translation>
    </message>
    <message>
        <source>Users below %1 must update</source>
        <translation>低于 %1 的用户必须更新</translation>
    </message>
    <message>
        <source>App</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Rollout</source>
        <translation>灰度</translation>
    </message>
    <message>
        <source>Offered to</source>
        <translation>已推送</translation>
    </message>
    <message>
        <source>Forced below</source>
        <translation>强制更新低于</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>发布时间</translation>
    </message>
</context>
<context>
    <name>ReleasesPage</name>
    <message>
        <source>Releases</source>
        <translation>版本发布</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Reading the releases…</source>
        <translation>正在读取版本…</translation>
    </message>
    <message numerus="yes">
        <source>%n release(s)</source>
        <translation>
            <numerusform>%n 个版本</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2 for %3 — %4</source>
        <translation>%1 %2（%3）— %4</translation>
    </message>
    <message>
        <source>A draft is offered to nobody: its rollout shows here once it is published.</source>
        <translation>草稿不会推送给任何人：发布后在这里显示灰度情况。</translation>
    </message>
    <message>
        <source>Users offered the release per day, and the rollout percentage:</source>
        <translation>每天新推送的用户数，以及灰度比例：</translation>
    </message>
    <message>
        <source>New release</source>
        <translation>新版本</translation>
    </message>
    <message>
        <source>The central store refused: %1</source>
        <translation>中央库拒绝了：%1</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Forced below</source>
        <translation>强制更新低于</translation>
    </message>
    <message>
        <source>From version</source>
        <translation>起始版本</translation>
    </message>
    <message>
        <source>To version</source>
        <translation>截止版本</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a version like 5.2.1.</source>
        <translation>%1：“%2”不是形如 5.2.1 的版本号。</translation>
    </message>
    <message>
        <source>Saved %1 %2.</source>
        <translation>已保存 %1 %2。</translation>
    </message>
    <message>
        <source>Created the draft %1 %2.</source>
        <translation>已创建草稿 %1 %2。</translation>
    </message>
    <message>
        <source>Deleted the draft.</source>
        <translation>已删除草稿。</translation>
    </message>
    <message>
        <source>Asked for approval: a second admin or a supervisor publishes it.</source>
        <translation>已提交审批：由另一位管理员或主管发布。</translation>
    </message>
    <message>
        <source>Published. Set the rollout percentage to start offering it.</source>
        <translation>已发布。设置灰度比例后开始推送。</translation>
    </message>
    <message>
        <source>Approved and published.</source>
        <translation>已批准并发布。</translation>
    </message>
    <message>
        <source>Halted: nobody new is offered it.</source>
        <translation>已暂停：不再推送给新用户。</translation>
    </message>
    <message>
        <source>Rolling out again.</source>
        <translation>已继续灰度。</translation>
    </message>
    <message>
        <source>Complete: offered to everyone it targets.</source>
        <translation>已全量：推送给目标人群中的所有人。</translation>
    </message>
    <message>
        <source>Rollout set to %1 %.</source>
        <translation>灰度比例已设为 %1 %。</translation>
    </message>
    <message>
        <source>Counting the users of the last 30 days…</source>
        <translation>正在统计最近 30 天的用户…</translation>
    </message>
    <message>
        <source>The preview failed: %1</source>
        <translation>预估失败：%1</translation>
    </message>
    <message>
        <source>At %1 %, it would reach %2 of the %3 users active in the last 30 days (%4 on this platform, %5 in its target groups).</source>
        <translation>按 %1 %，将覆盖最近 30 天 %3 名活跃用户中的 %2 人（该平台 %4 人，目标人群 %5 人）。</translation>
    </message>
    <message>
        <source>Releases live on the central store: sign in to see and manage them.</source>
        <translation>版本保存在中央库中：请登录后查看和管理。</translation>
    </message>
    <message>
        <source>Cannot read the releases: %1</source>
        <translation>无法读取版本：%1</translation>
    </message>
    <message>
        <source>Product managers see releases and their reach; admins change them.</source>
        <translation>产品经理可以查看版本及其覆盖范围；修改由管理员进行。</translation>
    </message>
    <message>
        <source>Supervisors approve the publication of releases; admins change them.</source>
        <translation>主管负责批准版本发布；修改由管理员进行。</translation>
    </message>
    <message>
        <source>New Release</source>
        <translation>新建版本</translation>
    </message>
    <message>
        <source>App:</source>
        <translation>应用：</translation>
    </message>
    <message>
        <source>Platform:</source>
        <translation>平台：</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>Forced below:</source>
        <translation>低于此版本强制更新：</translation>
    </message>
    <message>
        <source>Rollout:</source>
        <translation>灰度比例：</translation>
    </message>
    <message>
        <source>Channels:</source>
        <translation>渠道：</translation>
    </message>
    <message>
        <source>OS starts with:</source>
        <translation>操作系统开头为：</translation>
    </message>
    <message>
        <source>Current versions:</source>
        <translation>当前版本范围：</translation>
    </message>
    <message>
        <source>Also these users:</source>
        <translation>另加这些用户：</translation>
    </message>
    <message>
        <source>Notes (Chinese):</source>
        <translation>说明（中文）：</translation>
    </message>
    <message>
        <source>Notes (English):</source>
        <translation>说明（英文）：</translation>
    </message>
    <message>
        <source>e.g. aipai, coulisse</source>
        <translation>例如 aipai、coulisse</translation>
    </message>
    <message>
        <source>e.g. 5.2.1</source>
        <translation>例如 5.2.1</translation>
    </message>
    <message>
        <source>empty: never forced</source>
        <translation>留空：从不强制</translation>
    </message>
    <message>
        <source>empty: every channel; or huawei, official, …</source>
        <translation>留空：全部渠道；或 huawei, official, …</translation>
    </message>
    <message>
        <source>empty: every OS; or Android 13, Android 14</source>
        <translation>留空：全部系统；或 Android 13, Android 14</translation>
    </message>
    <message>
        <source>from (any)</source>
        <translation>起（不限）</translation>
    </message>
    <message>
        <source>to (any)</source>
        <translation>止（不限）</translation>
    </message>
    <message>
        <source>user ids, separated by commas (testers)</source>
        <translation>用户 ID，用逗号分隔（测试人员）</translation>
    </message>
    <message>
        <source>Save Draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <source>Delete Draft</source>
        <translation>删除草稿</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Rollout</source>
        <translation>灰度</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Halt</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>全量</translation>
    </message>
    <message>
        <source>Preview Reach</source>
        <translation>预估覆盖</translation>
    </message>
    <message>
        <source>Save Notes</source>
        <translation>保存说明</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>retired</source>
        <translation>已下架</translation>
    </message>
    <message>
        <source>Review (%1)</source>
        <translation>审核 (%1)</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>All authors</source>
        <translation>全部作者</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1（你）</translation>
    </message>
    <message>
        <source>All games</source>
        <translation>全部游戏</translation>
    </message>
    <message numerus="yes">
        <source>%Ln decided request(s)</source>
        <translation>
            <numerusform>%Ln 个已处理申请</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s) waiting</source>
        <translation>
            <numerusform>%Ln 个待审申请</numerusform>
        </translation>
    </message>
    <message>
        <source>No change requests match these filters.</source>
        <translation>没有符合这些筛选条件的变更申请。</translation>
    </message>
    <message>
        <source>None of your changes is waiting for a supervisor.</source>
        <translation>你没有等待主管审核的修改。</translation>
    </message>
    <message>
        <source>Nothing waits for review. New requests arrive with each sync.</source>
        <translation>暂无待审核内容。新申请会随每次同步到达。</translation>
    </message>
    <message>
        <source>Search the video, tag or game…</source>
        <translation>搜索视频、标签或游戏…</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Any age</source>
        <translation>不限时间</translation>
    </message>
    <message>
        <source>Older than an hour</source>
        <translation>超过一小时</translation>
    </message>
    <message>
        <source>Older than a day</source>
        <translation>超过一天</translation>
    </message>
    <message>
        <source>Older than a week</source>
        <translation>超过一周</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>已处理</translation>
    </message>
    <message>
        <source>Show the requests already decided instead of those waiting</source>
        <translation>显示已处理的申请，而不是待审申请</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Comment for the author (required to reject)</source>
        <translation>给作者的说明（驳回时必填）</translation>
    </message>
    <message>
        <source>Approve the selected requests (Ctrl+Return)</source>
        <translation>批准所选申请（Ctrl+回车）</translation>
    </message>
    <message>
        <source>Reject the selected requests with the comment (Ctrl+Shift+Return)</source>
        <translation>以该说明驳回所选申请（Ctrl+Shift+回车）</translation>
    </message>
    <message>
        <source>You cannot approve or reject your own change: another supervisor decides it.</source>
        <translation>不能批准或驳回自己的修改：由另一位主管处理。</translation>
    </message>
    <message>
        <source>The selection holds a request that is decided already or has a decision waiting to sync.</source>
        <translation>所选内容中有已处理、或决定正在等待同步的申请。</translation>
    </message>
    <message numerus="yes">
        <source>Approve %n</source>
        <translation>
            <numerusform>批准 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message numerus="yes">
        <source>Reject %n</source>
        <translation>
            <numerusform>驳回 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Your requests wait here until a supervisor decides them.</source>
        <translation>你的申请在此等待主管处理。</translation>
    </message>
    <message>
        <source>A rejection needs a comment for the author.</source>
        <translation>驳回时须给作者留下说明。</translation>
    </message>
    <message>
        <source>Select the requests to decide first.</source>
        <translation>请先选择要处理的申请。</translation>
    </message>
    <message numerus="yes">
        <source>%n approval(s) queued: sent with the next sync.</source>
        <translation>
            <numerusform>已排队 %n 个批准：下次同步时发送。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejection(s) queued: sent with the next sync.</source>
        <translation>
            <numerusform>已排队 %n 个驳回：下次同步时发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a request to see the change.</source>
        <translation>选择一个申请以查看修改内容。</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Changed since the request:</source>
        <translation>申请之后已有变化：</translation>
    </message>
    <message>
        <source>Game</source>
        <translation>游戏</translation>
    </message>
    <message>
        <source>Game tags</source>
        <translation>游戏标签</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Conflict on approval</source>
        <translation>批准时冲突</translation>
    </message>
    <message>
        <source>By</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Your approval waits for the next sync.</source>
        <translation>你的批准等待下次同步。</translation>
    </message>
    <message>
        <source>Your rejection waits for the next sync.</source>
        <translation>你的驳回等待下次同步。</translation>
    </message>
</context>
<context>
    <name>ReviewTableModel</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Video tags</source>
        <translation>视频标签</translation>
    </message>
    <message>
        <source>Game tags</source>
        <translation>游戏标签</translation>
    </message>
    <message>
        <source>New tag</source>
        <translation>新标签</translation>
    </message>
    <message>
        <source>Tag edit</source>
        <translation>标签修改</translation>
    </message>
    <message>
        <source>Tag merge</source>
        <translation>标签合并</translation>
    </message>
    <message>
        <source>New game</source>
        <translation>新游戏</translation>
    </message>
    <message>
        <source>Game edit</source>
        <translation>游戏修改</translation>
    </message>
    <message>
        <source>The video was deleted.</source>
        <translation>视频已被删除。</translation>
    </message>
    <message>
        <source>The tag was deleted.</source>
        <translation>标签已被删除。</translation>
    </message>
    <message>
        <source>A tag to add was retired or deleted.</source>
        <translation>要添加的标签已下架或被删除。</translation>
    </message>
    <message>
        <source>The tag was edited since the request.</source>
        <translation>申请之后标签已被修改。</translation>
    </message>
    <message>
        <source>The tag to merge into was retired or deleted.</source>
        <translation>要合并到的标签已下架或被删除。</translation>
    </message>
    <message>
        <source>The game was deleted.</source>
        <translation>游戏已被删除。</translation>
    </message>
    <message>
        <source>The game was edited since the request.</source>
        <translation>申请之后游戏已被修改。</translation>
    </message>
    <message>
        <source>The name is taken now.</source>
        <translation>该名称现已被占用。</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Game</source>
        <translation>游戏</translation>
    </message>
    <message>
        <source>Affects</source>
        <translation>涉及</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message numerus="yes">
        <source>+%n tag(s)</source>
        <translation>
            <numerusform>+%n 个标签</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>−%n tag(s)</source>
        <translation>
            <numerusform>−%n 个标签</numerusform>
        </translation>
    </message>
    <message>
        <source>Approval waiting to sync</source>
        <translation>批准等待同步</translation>
    </message>
    <message>
        <source>Rejection waiting to sync</source>
        <translation>驳回等待同步</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Yours, waiting</source>
        <translation>你的申请，等待中</translation>
    </message>
    <message>
        <source>Approved by %1</source>
        <translation>%1 已批准</translation>
    </message>
    <message>
        <source>Rejected by %1</source>
        <translation>%1 已驳回</translation>
    </message>
    <message>
        <source>Conflict on approval (%1)</source>
        <translation>批准时冲突（%1）</translation>
    </message>
</context>
<context>
    <name>RolloutChart</name>
    <message>
        <source>Users offered per day</source>
        <translation>每日推送用户数</translation>
    </message>
    <message>
        <source>Rollout %</source>
        <translation>灰度 %</translation>
    </message>
</context>
<context>
    <name>RuleTreeModel</name>
    <message>
        <source>All of these</source>
        <translation>全部满足</translation>
    </message>
    <message>
        <source>Any of these</source>
        <translation>任一满足</translation>
    </message>
    <message>
        <source>≥ %1</source>
        <translation>≥ %1</translation>
    </message>
    <message>
        <source>Every condition below must hold</source>
        <translation>下面的条件必须全部满足</translation>
    </message>
    <message>
        <source>At least one condition below must hold</source>
        <translation>下面的条件至少满足一个</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Over</source>
        <translation>时间窗口</translation>
    </message>
    <message>
        <source>At least</source>
        <translation>至少</translation>
    </message>
</context>
<context>
    <name>SavedReports</name>
    <message>
        <source>A report needs a name of 1 to 200 characters.</source>
        <translation>报表名称需要 1 到 200 个字符。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>The password is kept in the system keychain, never in a settings file.</source>
        <translation>密码保存在系统钥匙串中，绝不会写入设置文件。</translation>
    </message>
    <message>
        <source>%1 The password is kept only until Coulisse quits.</source>
        <translation>%1密码仅保留到 Coulisse 退出为止。</translation>
    </message>
    <message>
        <source>Enter the address of the central store.</source>
        <translation>请输入中心库的地址。</translation>
    </message>
    <message>
        <source>Enter the host name of the central store.</source>
        <translation>请输入中心库的主机名。</translation>
    </message>
    <message>
        <source>Enter the name of the database.</source>
        <translation>请输入数据库名称。</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>请输入你的用户名。</translation>
    </message>
    <message>
        <source>Sign In to the Central Store</source>
        <translation>登录中心库</translation>
    </message>
    <message>
        <source>Host and database</source>
        <translation>主机和数据库</translation>
    </message>
    <message>
        <source>Connection URL</source>
        <translation>连接 URL</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>db.example.com</source>
        <translation>db.example.com</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>URL(&amp;U)：</translation>
    </message>
    <message>
        <source>postgresql://db.example.com:5432/coulisse</source>
        <translation>postgresql://db.example.com:5432/coulisse</translation>
    </message>
    <message>
        <source>A libpq URL or key=value connection string</source>
        <translation>libpq URL 或 key=value 连接字符串</translation>
    </message>
    <message>
        <source>U&amp;ser:</source>
        <translation>用户名(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>TLS(&amp;T)：</translation>
    </message>
    <message>
        <source>Disable: no encryption</source>
        <translation>禁用：不加密</translation>
    </message>
    <message>
        <source>Prefer: encrypt when the server can</source>
        <translation>优先：服务器支持时加密</translation>
    </message>
    <message>
        <source>Require: always encrypt</source>
        <translation>必需：始终加密</translation>
    </message>
    <message>
        <source>Verify CA: encrypt, check the certificate</source>
        <translation>验证 CA：加密并检查证书</translation>
    </message>
    <message>
        <source>Verify full: encrypt, check the certificate and the host name</source>
        <translation>完全验证：加密并检查证书和主机名</translation>
    </message>
    <message>
        <source>&amp;Remember password</source>
        <translation>记住密码(&amp;R)</translation>
    </message>
    <message>
        <source>Sign In</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>StaffMemberDialog</name>
    <message>
        <source>New Staff Member</source>
        <translation>新建员工</translation>
    </message>
    <message>
        <source>lowercase letters, digits, _</source>
        <translation>小写字母、数字、_</translation>
    </message>
    <message>
        <source>Sign-in name:</source>
        <translation>登录名:</translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation>显示名称:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色:</translation>
    </message>
    <message>
        <source>Reset Password of %1</source>
        <translation>重置 %1 的密码</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码:</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>再次输入密码:</translation>
    </message>
    <message>
        <source>Enter a sign-in name.</source>
        <translation>请输入登录名。</translation>
    </message>
    <message>
        <source>A sign-in name has 2 to 63 lowercase letters, digits or _, starts with a letter, and does not start with pg_ or coulisse_.</source>
        <translation>登录名由 2 到 63 个小写字母、数字或 _ 组成,以字母开头,且不能以 pg_ 或 coulisse_ 开头。</translation>
    </message>
    <message>
        <source>The password needs at least 8 characters.</source>
        <translation>密码至少需要 8 个字符。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Staff: not signed in</source>
        <translation>员工:未登录</translation>
    </message>
    <message>
        <source>Reading the staff…</source>
        <translation>正在读取员工…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln staff member(s)</source>
        <translation>
            <numerusform>%Ln 名员工</numerusform>
        </translation>
    </message>
    <message>
        <source>No staff member selected</source>
        <translation>未选择员工</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <source>Nothing to change for %1.</source>
        <translation>%1 没有需要修改的内容。</translation>
    </message>
    <message>
        <source>%1 is now: %2.</source>
        <translation>%1 现在是:%2。</translation>
    </message>
    <message numerus="yes">
        <source>%1 with %Ln game(s)</source>
        <translation>
            <numerusform>%1,负责 %Ln 个游戏</numerusform>
        </translation>
    </message>
    <message>
        <source>Deactivate %1</source>
        <translation>停用 %1</translation>
    </message>
    <message>
        <source>%1 will no longer be able to sign in. Their changes stay on record. Deactivate?</source>
        <translation>%1 将无法再登录,其变更记录会保留。确定停用?</translation>
    </message>
    <message>
        <source>Staff member %1 created (%2).</source>
        <translation>已创建员工 %1(%2)。</translation>
    </message>
    <message numerus="yes">
        <source>%1 now works on %Ln game(s).</source>
        <translation>
            <numerusform>%1 现在负责 %Ln 个游戏。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation>%1 可以重新登录了。</translation>
    </message>
    <message>
        <source>%1 is deactivated and can no longer sign in.</source>
        <translation>%1 已停用,无法再登录。</translation>
    </message>
    <message>
        <source>The password of %1 is reset.</source>
        <translation>%1 的密码已重置。</translation>
    </message>
    <message>
        <source>editors</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>supervisors</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>%1 by %2 now need a supervisor.</source>
        <translation>%2的“%1”现在需要主管审核。</translation>
    </message>
    <message>
        <source>%1 by %2 now apply directly.</source>
        <translation>%2的“%1”现在直接生效。</translation>
    </message>
    <message>
        <source>The central store refused: %1</source>
        <translation>中心库拒绝了操作:%1</translation>
    </message>
    <message>
        <source>Staff accounts are managed on the central store: sign in as an administrator.</source>
        <translation>员工账号在中心库中管理:请以管理员身份登录。</translation>
    </message>
    <message>
        <source>Cannot read the staff: %1</source>
        <translation>无法读取员工:%1</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Approval policy</source>
        <translation>审核规则</translation>
    </message>
    <message>
        <source>New Staff Member…</source>
        <translation>新建员工…</translation>
    </message>
    <message>
        <source>Reset Password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色:</translation>
    </message>
    <message>
        <source>Games (an editor syncs and tags only these):</source>
        <translation>负责的游戏(编辑只同步并标注这些游戏):</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Checked: that role&apos;s changes of that kind become change requests for a supervisor (never their own). Unchecked: they apply directly, and stay on the audit log.</source>
        <translation>勾选:该角色的此类变更会成为变更请求,由主管审核(不能审核自己的)。不勾选:直接生效,并记录在审计日志中。</translation>
    </message>
</context>
<context>
    <name>StaffTableModel</name>
    <message>
        <source>Editor</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Product manager</source>
        <translation>产品经理</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>all games</source>
        <translation>所有游戏</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source> by %1</source>
        <translation>(%1 创建)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Games</source>
        <translation>游戏</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <source>The cache could not be written: %1</source>
        <translation>无法写入缓存：%1</translation>
    </message>
    <message>
        <source>Sync stopped.</source>
        <translation>同步已停止。</translation>
    </message>
    <message>
        <source>The central store has schema version %1; this Coulisse needs 3. Ask an administrator to run &quot;coulisse-cli central migrate&quot;.</source>
        <translation>中心库的结构版本为 %1；本版本 Coulisse 需要版本 3。请联系管理员运行 &quot;coulisse-cli central migrate&quot;。</translation>
    </message>
    <message>
        <source>%1 is not active staff of this central store.</source>
        <translation>%1 不是此中心库中已启用的员工。</translation>
    </message>
    <message numerus="yes">
        <source>This cache holds %n change(s) of %1 that its central store has not confirmed. Sign in as %1 to that store to send them, or open another cache.</source>
        <translation>
            <numerusform>此缓存中有 %1 的 %n 项变更尚未得到其中心库确认。请以 %1 身份登录该中心库以发送这些变更，或打开其他缓存。</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending changes failed</source>
        <translation>发送变更失败</translation>
    </message>
    <message>
        <source>cannot read the outbox</source>
        <translation>无法读取待发队列</translation>
    </message>
    <message>
        <source>the copy&apos;s progress is missing for %1</source>
        <translation>缺少 %1 的复制进度</translation>
    </message>
    <message>
        <source>Copying %1 failed</source>
        <translation>复制 %1 失败</translation>
    </message>
    <message>
        <source>The cache has no sync cursor.</source>
        <translation>缓存中没有同步游标。</translation>
    </message>
    <message>
        <source>Receiving changes failed</source>
        <translation>接收变更失败</translation>
    </message>
    <message>
        <source>The central store sent a page of changes without its cursor.</source>
        <translation>中心库发来的一页变更缺少游标。</translation>
    </message>
    <message>
        <source>The central store sent a malformed row for %1.</source>
        <translation>中心库发来了 %1 的一行格式错误的数据。</translation>
    </message>
    <message>
        <source>cannot re-create an index: %1</source>
        <translation>无法重建索引：%1</translation>
    </message>
    <message>
        <source>Reading review decisions failed</source>
        <translation>读取审核结果失败</translation>
    </message>
    <message>
        <source>Reading change requests failed</source>
        <translation>读取变更申请失败</translation>
    </message>
    <message>
        <source>Receiving the metrics failed</source>
        <translation>接收指标失败</translation>
    </message>
    <message>
        <source>Receiving the levels failed</source>
        <translation>接收等级数据失败</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Sending changes</source>
        <translation>正在发送变更</translation>
    </message>
    <message>
        <source>Copying the catalogue</source>
        <translation>正在复制数据</translation>
    </message>
    <message>
        <source>Receiving changes</source>
        <translation>正在接收变更</translation>
    </message>
    <message>
        <source>Confirming changes</source>
        <translation>正在确认变更</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Sync failed, retrying at %1</source>
        <translation>同步失败，将于 %1 重试</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>同步失败</translation>
    </message>
    <message>
        <source>Sign-in needed</source>
        <translation>需要登录</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Sign In…</source>
        <translation>登录…</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n 项变更等待中</numerusform>
        </translation>
    </message>
    <message>
        <source>No changes waiting</source>
        <translation>没有等待中的变更</translation>
    </message>
    <message numerus="yes">
        <source>%n not sent yet</source>
        <translation>
            <numerusform>%n 项尚未发送</numerusform>
        </translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation>上次同步：%1</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>从未同步</translation>
    </message>
    <message numerus="yes">
        <source>%n rejected</source>
        <translation>
            <numerusform>%n 项被拒绝</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n 项冲突</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes that wait for your decision</source>
        <translation>等待你处理的变更</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>The central user this cache syncs as, and their role</source>
        <translation>此缓存同步时使用的中心库用户及其角色</translation>
    </message>
    <message>
        <source>Indexing the catalogue</source>
        <translation>正在为目录建立索引</translation>
    </message>
    <message>
        <source>The catalogue is ready to use. Until its indexes are built, sorting is slower and search may miss rows.</source>
        <translation>目录已可使用。索引建立完成之前，排序较慢，搜索可能遗漏部分结果。</translation>
    </message>
</context>
<context>
    <name>TableExporter</name>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>TagEditDialog</name>
    <message>
        <source>Propose a change to %1</source>
        <translation>提议修改 %1</translation>
    </message>
    <message>
        <source>Edit tag %1</source>
        <translation>编辑标签 %1</translation>
    </message>
    <message>
        <source>Separated by commas</source>
        <translation>用逗号分隔</translation>
    </message>
    <message>
        <source>Retired (下架): stays on what carries it, cannot be added</source>
        <translation>下架：保留在已有的使用处，不能再添加</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>Propose</source>
        <translation>提议</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>A supervisor reviews the proposal; until then the tag stays as it is.</source>
        <translation>提议将由主管审核；在此之前标签保持不变。</translation>
    </message>
    <message numerus="yes">
        <source>%n game(s)</source>
        <translation>
            <numerusform>%n 个游戏</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n video(s)</source>
        <translation>
            <numerusform>%n 个视频</numerusform>
        </translation>
    </message>
    <message>
        <source>The new name shows on the %1 that carry it.</source>
        <translation>新名称将显示在带有该标签的 %1 上。</translation>
    </message>
    <message>
        <source>Retiring keeps it on the %1 that carry it; it can no longer be added.</source>
        <translation>下架后仍保留在带有该标签的 %1 上，但不能再添加。</translation>
    </message>
    <message>
        <source>Re-enabling lets editors add it again (%1 carry it now).</source>
        <translation>上架后编辑可以再次添加（目前有 %1 带有该标签）。</translation>
    </message>
    <message>
        <source>Aliases find the tag in completion and tag searches.</source>
        <translation>别名可在自动补全和标签搜索中找到此标签。</translation>
    </message>
    <message>
        <source>Used on %1.</source>
        <translation>用于 %1。</translation>
    </message>
    <message>
        <source>A tag needs a name.</source>
        <translation>标签需要名称。</translation>
    </message>
    <message>
        <source>Propose a new tag in %1</source>
        <translation>在 %1 中提议新标签</translation>
    </message>
    <message>
        <source>New tag in %1</source>
        <translation>在 %1 中新建标签</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>The new tag is sent with the next sync and appears once central has created it.</source>
        <translation>新标签在下次同步时发送，中心库创建后出现。</translation>
    </message>
</context>
<context>
    <name>TagEditorPane</name>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message numerus="yes">
        <source>Tags of %n selected video(s)</source>
        <translation>
            <numerusform>所选 %n 个视频的标签</numerusform>
        </translation>
    </message>
    <message>
        <source>Tags of video %1</source>
        <translation>视频 %1 的标签</translation>
    </message>
    <message>
        <source>Waiting to sync</source>
        <translation>等待同步</translation>
    </message>
    <message>
        <source>Pending approval</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>已生效</translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <source>Conflict: %1</source>
        <translation>冲突：%1</translation>
    </message>
    <message>
        <source>None of these videos has tags yet.</source>
        <translation>这些视频都还没有标签。</translation>
    </message>
    <message>
        <source>No tags yet: type one below or pick a suggestion.</source>
        <translation>还没有标签：在下方输入，或选择一个推荐。</translation>
    </message>
    <message>
        <source>Retired: stays on the video but cannot be added again. Click to remove.</source>
        <translation>已下架：保留在视频上，但不能再添加。点击移除。</translation>
    </message>
    <message>
        <source>Click to remove from every selected video</source>
        <translation>点击从所有所选视频中移除</translation>
    </message>
    <message>
        <source>Click to remove</source>
        <translation>点击移除</translation>
    </message>
    <message>
        <source>Add a tag… (Enter)</source>
        <translation>添加标签…（回车）</translation>
    </message>
    <message>
        <source>Name, English name or alias of a tag of the general library or of the game&apos;s library; Backspace in the empty field removes the last tag</source>
        <translation>通用标签库或本游戏标签库中标签的名称、英文名或别名；在空输入框中按退格键移除最后一个标签</translation>
    </message>
    <message>
        <source>Suggestions (Alt+1…9)</source>
        <translation>推荐（Alt+1…9）</translation>
    </message>
    <message>
        <source>No active tag of the general library is called &quot;%1&quot; (the videos belong to several games).</source>
        <translation>通用标签库中没有名为“%1”的上架标签（这些视频属于多个游戏）。</translation>
    </message>
    <message>
        <source>No active tag called &quot;%1&quot; can go on this video.</source>
        <translation>没有名为“%1”且可用于此视频的上架标签。</translation>
    </message>
    <message numerus="yes">
        <source>Add %1 to %n video(s)</source>
        <translation>
            <numerusform>为 %n 个视频添加 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Add tag %1</source>
        <translation>添加标签 %1</translation>
    </message>
    <message numerus="yes">
        <source>Remove %1 from %n video(s)</source>
        <translation>
            <numerusform>从 %n 个视频移除 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove tag %1</source>
        <translation>移除标签 %1</translation>
    </message>
    <message>
        <source>Nothing to change: the videos are already tagged so.</source>
        <translation>无需更改：这些视频已经是这样标注的。</translation>
    </message>
    <message>
        <source>Approved by %1</source>
        <translation>已由 %1 批准</translation>
    </message>
    <message>
        <source>Approved by %1: %2</source>
        <translation>已由 %1 批准：%2</translation>
    </message>
    <message>
        <source>Rejected by %1: %2</source>
        <translation>已被 %1 驳回：%2</translation>
    </message>
</context>
<context>
    <name>TagExpression</name>
    <message>
        <source>The quote opened at column %1 is not closed.</source>
        <translation>第 %1 列的引号没有闭合。</translation>
    </message>
    <message>
        <source>Empty quotes at column %1.</source>
        <translation>第 %1 列的引号内为空。</translation>
    </message>
    <message>
        <source>The parenthesis at column %1 closes nothing.</source>
        <translation>第 %1 列的右括号没有对应的左括号。</translation>
    </message>
    <message>
        <source>Unexpected &quot;%1&quot; at column %2.</source>
        <translation>第 %2 列出现了意外的“%1”。</translation>
    </message>
    <message>
        <source>The parenthesis opened at column %1 is not closed.</source>
        <translation>第 %1 列的左括号没有闭合。</translation>
    </message>
    <message>
        <source>A tag name is missing at the end.</source>
        <translation>末尾缺少标签名。</translation>
    </message>
    <message>
        <source>A tag name is missing before &quot;%1&quot; at column %2.</source>
        <translation>第 %2 列的“%1”之前缺少标签名。</translation>
    </message>
    <message>
        <source>No tag is called &quot;%1&quot; (column %2).</source>
        <translation>没有名为“%1”的标签（第 %2 列）。</translation>
    </message>
</context>
<context>
    <name>TagGroupTreeModel</name>
    <message>
        <source>Game libraries</source>
        <translation>游戏专用标签库</translation>
    </message>
    <message>
        <source>%1: %2 tags</source>
        <translation>%1：%2 个标签</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>TagMergeDialog</name>
    <message>
        <source>Merge %1 into another tag</source>
        <translation>将 %1 合并到另一个标签</translation>
    </message>
    <message>
        <source>The tag that stays…</source>
        <translation>保留的标签…</translation>
    </message>
    <message>
        <source>Merge into</source>
        <translation>合并到</translation>
    </message>
    <message>
        <source>A supervisor reviews the proposal before anything moves.</source>
        <translation>在任何更改生效前，提议将由主管审核。</translation>
    </message>
    <message>
        <source>Propose</source>
        <translation>提议</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message numerus="yes">
        <source>%n game(s)</source>
        <translation>
            <numerusform>%n 个游戏</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n video(s)</source>
        <translation>
            <numerusform>%n 个视频</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 carry %2. Pick the tag that takes its place.</source>
        <translation>%1 带有“%2”。请选择取代它的标签。</translation>
    </message>
    <message>
        <source>The %1 that carry %2 will carry %3 instead; %2 and its aliases become aliases of %3, and %2 is retired.</source>
        <translation>带有“%2”的 %1 将改为带有“%3”；“%2”及其别名成为“%3”的别名，“%2”被下架。</translation>
    </message>
</context>
<context>
    <name>TagRecommender</name>
    <message>
        <source>Video %1 is not in the cache.</source>
        <translation>缓存中没有视频 %1。</translation>
    </message>
    <message>
        <source>in the title</source>
        <translation>出现在标题中</translation>
    </message>
    <message>
        <source>often with %1</source>
        <translation>常与“%1”同时出现</translation>
    </message>
    <message>
        <source>popular in this game</source>
        <translation>本游戏常用</translation>
    </message>
    <message>
        <source>The cache is not an SQLite database.</source>
        <translation>缓存不是 SQLite 数据库。</translation>
    </message>
</context>
<context>
    <name>TagStatisticsDialog</name>
    <message>
        <source>Tag statistics</source>
        <translation>标签统计</translation>
    </message>
    <message>
        <source>Videos by number of optional tags (all but the game&apos;s default tags)</source>
        <translation>按可选标签数量统计的视频数（不含游戏默认标签）</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Uses per tag</source>
        <translation>各标签使用量</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>标签库</translation>
    </message>
    <message>
        <source>Videos with one of its tags</source>
        <translation>带有其中标签的视频</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Game</source>
        <translation>游戏</translation>
    </message>
    <message>
        <source>Videos</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Tagged</source>
        <translation>已打标签</translation>
    </message>
    <message>
        <source>Tags per video</source>
        <translation>平均每视频标签数</translation>
    </message>
    <message>
        <source>Libraries and games</source>
        <translation>标签库与游戏</translation>
    </message>
    <message>
        <source>Active tags on nothing</source>
        <translation>未被使用的上架标签</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Retired tags still in use</source>
        <translation>仍在使用的下架标签</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>使用次数</translation>
    </message>
    <message>
        <source>Unused and retired</source>
        <translation>未使用与已下架</translation>
    </message>
    <message>
        <source>the statistics could not be read</source>
        <translation>无法读取统计数据</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>Cannot compute the statistics: %1</source>
        <translation>无法计算统计数据：%1</translation>
    </message>
    <message>
        <source>%1 videos, %2 tagged (%3 untagged). %4 tags in use, %5 unused, %6 retired tags still in use.</source>
        <translation>共 %1 个视频，%2 已打标签（%3 个未打标签）。%4 个标签在使用，%5 个未使用，%6 个已下架标签仍在使用。</translation>
    </message>
    <message>
        <source>videos</source>
        <translation>个视频</translation>
    </message>
    <message>
        <source>uses</source>
        <translation>次使用</translation>
    </message>
    <message>
        <source>The most used fifth of the %1 video tags carries %2 of all uses; the chart shows the %3 most used, with the running share.</source>
        <translation>在 %1 个视频标签中，使用最多的五分之一占全部使用的 %2；图中显示使用最多的 %3 个标签及累计占比。</translation>
    </message>
</context>
<context>
    <name>TagTableModel</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>使用次数</translation>
    </message>
</context>
<context>
    <name>TagsPage</name>
    <message>
        <source>Tag library</source>
        <translation>标签库</translation>
    </message>
    <message numerus="yes">
        <source>%Ln tag(s)</source>
        <translation>
            <numerusform>%Ln 个标签</numerusform>
        </translation>
    </message>
    <message>
        <source>No tags match these filters.</source>
        <translation>没有符合筛选条件的标签。</translation>
    </message>
    <message>
        <source>The tag library is empty.</source>
        <translation>标签库为空。</translation>
    </message>
    <message>
        <source>Search tags, English names, aliases…</source>
        <translation>搜索标签、英文名、别名…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Unused only</source>
        <translation>仅未使用</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Select a tag to see where it is used.</source>
        <translation>选择一个标签以查看其使用情况。</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Games</source>
        <translation>游戏</translation>
    </message>
    <message>
        <source>Videos</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Games with this tag</source>
        <translation>带有此标签的游戏</translation>
    </message>
    <message numerus="yes">
        <source>Retired, but still on %Ln item(s): existing uses are kept.</source>
        <translation>
            <numerusform>已下架，但仍有 %Ln 项在使用：已有的使用记录保持不变。</numerusform>
        </translation>
    </message>
    <message>
        <source>Propose a change…</source>
        <translation>提议修改…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Rename, aliases, retire or re-enable (F2)</source>
        <translation>重命名、别名、下架或上架（F2）</translation>
    </message>
    <message>
        <source>Re-enable (上架)…</source>
        <translation>上架…</translation>
    </message>
    <message>
        <source>Retire (下架)…</source>
        <translation>下架…</translation>
    </message>
    <message>
        <source>Edit tag %1</source>
        <translation>编辑标签 %1</translation>
    </message>
    <message>
        <source>Propose a merge…</source>
        <translation>提议合并…</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <source>Move every use of this tag to another one and retire it</source>
        <translation>将此标签的所有使用转移到另一个标签并下架此标签</translation>
    </message>
    <message>
        <source>Propose a tag…</source>
        <translation>提议新标签…</translation>
    </message>
    <message>
        <source>New tag…</source>
        <translation>新建标签…</translation>
    </message>
    <message>
        <source>A new tag in the selected group</source>
        <translation>在所选分组中新建标签</translation>
    </message>
    <message>
        <source>Select a dimension, the general library or a category of a game&apos;s library in the tree first</source>
        <translation>请先在左侧树中选择游戏标签维度、通用标签库或游戏专属标签库的分类</translation>
    </message>
    <message>
        <source>%1 Proposed: it waits for the next sync, then for a supervisor.</source>
        <translation>%1 已提议：等待下次同步，然后等待主管审核。</translation>
    </message>
    <message>
        <source>%1 It is sent with the next sync.</source>
        <translation>%1 将在下次同步时发送。</translation>
    </message>
    <message>
        <source>New tag &quot;%1&quot;.</source>
        <translation>新标签“%1”。</translation>
    </message>
    <message>
        <source>Merge of &quot;%1&quot;.</source>
        <translation>合并“%1”。</translation>
    </message>
    <message>
        <source>New tag %1</source>
        <translation>新标签 %1</translation>
    </message>
    <message>
        <source>Merge %1</source>
        <translation>合并 %1</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>昵称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>注册时间</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>OS</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Videos</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Account Level</source>
        <translation>账号等级</translation>
    </message>
    <message>
        <source>Creator Level</source>
        <translation>创作者等级</translation>
    </message>
    <message>
        <source>To Next Level</source>
        <translation>升级进度</translation>
    </message>
    <message>
        <source>Not yet on the ladder</source>
        <translation>尚未入级</translation>
    </message>
    <message>
        <source>Level %1</source>
        <translation>等级 %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Top level</source>
        <translation>已是最高级</translation>
    </message>
    <message>
        <source>How far the creator is towards the next level&apos;s rule, from 0 to 100 %</source>
        <translation>创作者距离下一等级规则的进度，从 0 到 100%</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s)</source>
        <translation>
            <numerusform>%Ln 名用户</numerusform>
        </translation>
    </message>
    <message>
        <source>No users match these filters.</source>
        <translation>没有符合筛选条件的用户。</translation>
    </message>
    <message>
        <source>This cache holds no users yet.</source>
        <translation>此缓存中还没有用户。</translation>
    </message>
    <message>
        <source>Search nicknames…</source>
        <translation>搜索昵称…</translation>
    </message>
    <message>
        <source>Creators and viewers</source>
        <translation>创作者和观众</translation>
    </message>
    <message>
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <source>VIP only</source>
        <translation>仅 VIP</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Select a user to see their profile.</source>
        <translation>选择一名用户以查看其资料。</translation>
    </message>
    <message>
        <source>%1 · user %2</source>
        <translation>%1 · 用户 %2</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>注册时间</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Videos</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Plays of their videos</source>
        <translation>其视频的总播放量</translation>
    </message>
    <message>
        <source>Latest videos</source>
        <translation>最新视频</translation>
    </message>
    <message>
        <source>Not yet on the ladder</source>
        <translation>尚未入级</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Creator level</source>
        <translation>创作者等级</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Next level</source>
        <translation>下一等级</translation>
    </message>
    <message>
        <source>Needs: %1</source>
        <translation>需要：%1</translation>
    </message>
    <message>
        <source>%1 in %2: %3 of %4</source>
        <translation>%2内%1：%3 / %4</translation>
    </message>
    <message>
        <source>Account level</source>
        <translation>账号等级</translation>
    </message>
</context>
<context>
    <name>VideoTableModel</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Game</source>
        <translation>游戏</translation>
    </message>
    <message>
        <source>Uploader</source>
        <translation>上传者</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>发布时间</translation>
    </message>
    <message>
        <source>Featured</source>
        <translation>精华</translation>
    </message>
    <message>
        <source>Plays</source>
        <translation>播放量</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>(deleted user)</source>
        <translation>（已注销用户）</translation>
    </message>
    <message>
        <source>untagged</source>
        <translation>未打标签</translation>
    </message>
    <message>
        <source>Featured video</source>
        <translation>精华作品</translation>
    </message>
    <message>
        <source>This video has no tags yet</source>
        <translation>此视频还没有标签</translation>
    </message>
</context>
<context>
    <name>VideosPage</name>
    <message>
        <source>Videos</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <source>All games</source>
        <translation>全部游戏</translation>
    </message>
    <message numerus="yes">
        <source>%Ln video(s)</source>
        <translation>
            <numerusform>%Ln 个视频</numerusform>
        </translation>
    </message>
    <message>
        <source>No videos match these filters.</source>
        <translation>没有符合筛选条件的视频。</translation>
    </message>
    <message>
        <source>This cache holds no videos yet.

Sign in to sync the catalogue, or write demo data with:
coulisse-cli demo-data --cache FILE</source>
        <translation>此缓存中还没有视频。

请登录以同步数据，或用以下命令写入演示数据：
coulisse-cli demo-data --cache 文件</translation>
    </message>
    <message>
        <source>Search titles…</source>
        <translation>搜索标题…</translation>
    </message>
    <message>
        <source>Full-text search over titles; Chinese matches any part of a title, English words match by prefix</source>
        <translation>标题全文搜索：中文可匹配标题中的任意片段，英文单词按前缀匹配</translation>
    </message>
    <message>
        <source>Featured</source>
        <translation>精华</translation>
    </message>
    <message>
        <source>Untagged only</source>
        <translation>仅未打标签</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Uploader: %1 ✕</source>
        <translation>上传者：%1 ✕</translation>
    </message>
    <message>
        <source>Show videos of every uploader</source>
        <translation>显示所有上传者的视频</translation>
    </message>
    <message>
        <source>Select a video to see its details and tags.</source>
        <translation>选择一个视频以查看详情和标签。</translation>
    </message>
    <message>
        <source>This video is no longer in the cache.</source>
        <translation>此视频已不在缓存中。</translation>
    </message>
    <message>
        <source>Video %1</source>
        <translation>视频 %1</translation>
    </message>
    <message>
        <source>Game</source>
        <translation>游戏</translation>
    </message>
    <message>
        <source>Uploader</source>
        <translation>上传者</translation>
    </message>
    <message>
        <source>(deleted user)</source>
        <translation>（已注销用户）</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>发布时间</translation>
    </message>
    <message>
        <source>Plays</source>
        <translation>播放量</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>No tags yet.</source>
        <translation>还没有标签。</translation>
    </message>
    <message>
        <source>%1 (retired)</source>
        <translation>%1（已下架）</translation>
    </message>
    <message>
        <source>Tags, e.g. 教程 -搞笑</source>
        <translation>标签，例如 教程 -搞笑</translation>
    </message>
    <message>
        <source>Pick a tag, or type an expression and press Enter: names joined by AND, OR, NOT (also &amp; | ! - 且 或 非) and parentheses; names side by side must all be present; put names with spaces in double quotes</source>
        <translation>选择一个标签，或输入表达式后按回车：用 AND、OR、NOT（也可用 &amp; | ! - 且 或 非）和括号连接标签名；并列的标签名须同时存在；含空格的名称请加双引号</translation>
    </message>
    <message>
        <source>My pending changes</source>
        <translation>我的待定更改</translation>
    </message>
    <message>
        <source>Videos whose tag changes made here are not settled: waiting to sync, waiting for approval, rejected or in conflict</source>
        <translation>在此做出的标签更改尚未落定的视频：等待同步、待审核、被拒绝或有冲突</translation>
    </message>
</context>
</TS>
