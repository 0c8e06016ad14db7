<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ChargerStatus</name>
    <message>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Charging</source>
        <translation>充电中</translation>
    </message>
    <message>
        <source>Occupied</source>
        <translation>占用</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>Faulted</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Voltdesk: live operations console for EV charging networks.</source>
        <translation>Voltdesk：电动汽车充电网络实时运维控制台。</translation>
    </message>
    <message>
        <source>MQTT broker to connect to.</source>
        <translation>要连接的 MQTT 代理服务器。</translation>
    </message>
    <message>
        <source>uri</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>User name for the MQTT broker.</source>
        <translation>MQTT 代理服务器的用户名。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Password for the MQTT broker (or set VOLTDESK_MQTT_PASSWORD, which other users cannot see).</source>
        <translation>MQTT 代理服务器的密码（也可设置环境变量 VOLTDESK_MQTT_PASSWORD，其他用户无法看到）。</translation>
    </message>
    <message>
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>User interface language: en or zh_CN (default: system).</source>
        <translation>界面语言：en 或 zh_CN（默认：跟随系统）。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>OpenStreetMap tile server URL; without it the map has no tiles and needs no network.</source>
        <translation>OpenStreetMap 瓦片服务器地址；不指定时地图不显示瓦片，也无需网络。</translation>
    </message>
    <message>
        <source>url</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Where the map starts, as latitude,longitude (default: fit all chargers).</source>
        <translation>地图初始中心，格式为 纬度,经度（默认：显示全部充电桩）。</translation>
    </message>
    <message>
        <source>lat,lon</source>
        <translation>纬度,经度</translation>
    </message>
    <message>
        <source>Zoom level used with --center.</source>
        <translation>与 --center 一起使用的缩放级别。</translation>
    </message>
    <message>
        <source>level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Render the main window to this PNG file once the data has settled, then exit.</source>
        <translation>数据稳定后将主窗口保存为此 PNG 文件，然后退出。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Wait at least this long before taking the screenshot.</source>
        <translation>截图前至少等待的时间。</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>多余的参数：%1</translation>
    </message>
    <message>
        <source>The broker must be a URI like tcp://host:1883, not &quot;%1&quot;.</source>
        <translation>代理服务器必须是类似 tcp://host:1883 的地址，而不是“%1”。</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;; available: %2.</source>
        <translation>未知语言“%1”；可用：%2。</translation>
    </message>
    <message>
        <source>The tile server must be an http or https URL, not &quot;%1&quot;.</source>
        <translation>瓦片服务器必须是 http 或 https 网址，而不是“%1”。</translation>
    </message>
    <message>
        <source>The center must be latitude,longitude in degrees, e.g. 52.52,13.40.</source>
        <translation>中心必须是以度为单位的 纬度,经度，例如 52.52,13.40。</translation>
    </message>
    <message>
        <source>The zoom level must be a number from 0 to 22.</source>
        <translation>缩放级别必须是 0 到 22 之间的数字。</translation>
    </message>
    <message>
        <source>The screenshot delay must be a whole number of milliseconds.</source>
        <translation>截图延迟必须是整数毫秒。</translation>
    </message>
    <message>
        <source>Try &apos;voltdesk --help&apos;.</source>
        <translation>请尝试“voltdesk --help”。</translation>
    </message>
    <message>
        <source>No display found. Set DISPLAY, or run it under xvfb-run (scripts/demo --headless does), or set QT_QPA_PLATFORM=offscreen.</source>
        <translation>未找到显示器。请设置 DISPLAY，或在 xvfb-run 下运行（scripts/demo --headless 即如此），或设置 QT_QPA_PLATFORM=offscreen。</translation>
    </message>
</context>
<context>
    <name>ConnectorStatus</name>
    <message>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>准备中</translation>
    </message>
    <message>
        <source>Charging</source>
        <translation>充电中</translation>
    </message>
    <message>
        <source>Suspended by charger</source>
        <translation>充电桩暂停</translation>
    </message>
    <message>
        <source>Suspended by vehicle</source>
        <translation>车辆暂停</translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation>结束中</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>Faulted</source>
        <translation>故障</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <source>Offline map: tile server %1 does not answer</source>
        <translation>离线地图：瓦片服务器 %1 无响应</translation>
    </message>
</context>
<context>
    <name>voltdesk::models::BrokerLink</name>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Invalid broker address %1: %2</source>
        <translation>代理服务器地址无效 %1：%2</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>已连接到 %1</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>连接中断</translation>
    </message>
    <message numerus="yes">
        <source>No connection to %1 (%2); retrying in %n s</source>
        <translation>
            <numerusform>无法连接 %1（%2）；%n 秒后重试</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>voltdesk::widgets::ChargerDetailsPanel</name>
    <message>
        <source>Click a marker on the map or search for a charger id.</source>
        <translation>点击地图上的标记，或按编号搜索充电桩。</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>厂商</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>固件</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Max power</source>
        <translation>最大功率</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最后通信</translation>
    </message>
    <message>
        <source>Connectors</source>
        <translation>充电枪</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Error code</source>
        <translation>错误代码</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <source>Charger %1 is no longer reported by the network.</source>
        <translation>网络已不再报告充电桩 %1。</translation>
    </message>
    <message>
        <source>%1 (last known, not live)</source>
        <translation>%1（最后已知状态，非实时）</translation>
    </message>
    <message>
        <source>not placed on the map</source>
        <translation>未在地图上标注</translation>
    </message>
    <message>
        <source>%1 kW</source>
        <translation>%1 kW</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>charger</source>
        <translation>充电桩</translation>
    </message>
    <message>
        <source>%1 (vendor code %2)</source>
        <translation>%1（厂商代码 %2）</translation>
    </message>
    <message>
        <source>Site id</source>
        <translation>站点编号</translation>
    </message>
    <message>
        <source>Site %1</source>
        <translation>站点 %1</translation>
    </message>
    <message>
        <source>Address not known yet</source>
        <translation>地址暂未获知</translation>
    </message>
</context>
<context>
    <name>voltdesk::widgets::ConnectionStateText</name>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Agent offline</source>
        <translation>代理程序离线</translation>
    </message>
    <message>
        <source>Broker disconnected</source>
        <translation>代理服务器已断开</translation>
    </message>
    <message>
        <source>Connected to the broker; charger states are live.</source>
        <translation>已连接代理服务器；充电桩状态为实时数据。</translation>
    </message>
    <message>
        <source>The broker is reachable but no agent is online; markers show the last known state, greyed out.</source>
        <translation>代理服务器可达，但没有在线的代理程序；标记以灰色显示最后已知状态。</translation>
    </message>
    <message>
        <source>No connection to the broker; markers show the last known state, greyed out.</source>
        <translation>未连接代理服务器；标记以灰色显示最后已知状态。</translation>
    </message>
</context>
<context>
    <name>voltdesk::widgets::LegendPanel</name>
    <message>
        <source>Show or hide %1 chargers on the map</source>
        <translation>在地图上显示或隐藏“%1”的充电桩</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Hollow: last known state, not live (broker or agent offline)</source>
        <translation>空心：最后已知状态，非实时（代理服务器或代理程序离线）</translation>
    </message>
    <message>
        <source>Show all statuses</source>
        <translation>显示全部状态</translation>
    </message>
</context>
<context>
    <name>voltdesk::widgets::MainWindow</name>
    <message>
        <source>Voltdesk — charging network console</source>
        <translation>Voltdesk — 充电网络控制台</translation>
    </message>
    <message>
        <source>Charger details</source>
        <translation>充电桩详情</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Fit all chargers</source>
        <translation>显示全部充电桩(&amp;F)</translation>
    </message>
    <message>
        <source>%1 chargers</source>
        <translation>%1 个充电桩</translation>
    </message>
    <message>
        <source>%1 of %2 chargers shown</source>
        <translation>显示 %1 / %2 个充电桩</translation>
    </message>
    <message>
        <source>Find and filter chargers</source>
        <translation>查找与筛选充电桩</translation>
    </message>
    <message>
        <source>F&amp;ind charger…</source>
        <translation>查找充电桩(&amp;I)…</translation>
    </message>
</context>
<context>
    <name>voltdesk::widgets::MapView</name>
    <message>
        <source>Offline map: no tile server configured</source>
        <translation>离线地图：未配置瓦片服务器</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 公里</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 米</translation>
    </message>
</context>
<context>
    <name>voltdesk::widgets::SearchPanel</name>
    <message>
        <source>Charger id, e.g. CP-0042</source>
        <translation>充电桩编号，例如 CP-0042</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>No charger with id &quot;%1&quot;.</source>
        <translation>没有编号为“%1”的充电桩。</translation>
    </message>
</context>
<context>
    <name>OcppErrorText</name>
    <message>
        <source>The connector lock failed to lock or unlock: the cable may be stuck or unsecured.</source>
        <translation>充电枪锁无法上锁或解锁：电缆可能卡住或未锁好。</translation>
    </message>
    <message>
        <source>The charger could not talk to the vehicle (pilot signal or ISO 15118); the driver can re-plug.</source>
        <translation>充电桩无法与车辆通信（控制导引信号或 ISO 15118）；司机可重新插枪。</translation>
    </message>
    <message>
        <source>Earth fault: the residual-current device tripped. Needs an electrician before reuse.</source>
        <translation>接地故障：漏电保护器已跳闸。需电工检查后才能再用。</translation>
    </message>
    <message>
        <source>Too hot: the charger reduced or stopped charging to cool down.</source>
        <translation>温度过高：充电桩已降功率或停止充电以降温。</translation>
    </message>
    <message>
        <source>Hardware or software failure inside the charger.</source>
        <translation>充电桩内部硬件或软件故障。</translation>
    </message>
    <message>
        <source>The charger's local authorization list disagrees with the central system's answer.</source>
        <translation>充电桩本地授权列表与中央系统的答复不一致。</translation>
    </message>
    <message>
        <source>Another error; the charger's info and vendor code say more.</source>
        <translation>其他错误；详情见充电桩的信息和厂商代码。</translation>
    </message>
    <message>
        <source>The vehicle drew more current than allowed; charging stopped.</source>
        <translation>车辆电流超过允许值；充电已停止。</translation>
    </message>
    <message>
        <source>Grid voltage above the charger's limit.</source>
        <translation>电网电压高于充电桩上限。</translation>
    </message>
    <message>
        <source>The energy meter cannot be read: sessions cannot be billed.</source>
        <translation>电能表无法读取：充电会话无法计费。</translation>
    </message>
    <message>
        <source>The power contactor failed to switch on or off.</source>
        <translation>功率接触器无法闭合或断开。</translation>
    </message>
    <message>
        <source>The RFID card reader does not work: drivers cannot start with a card.</source>
        <translation>RFID 读卡器故障：司机无法刷卡启动。</translation>
    </message>
    <message>
        <source>The charger could not carry out a reset.</source>
        <translation>充电桩无法执行重启。</translation>
    </message>
    <message>
        <source>Grid voltage below the charger's limit.</source>
        <translation>电网电压低于充电桩下限。</translation>
    </message>
    <message>
        <source>Weak mobile signal: messages may be late or lost.</source>
        <translation>移动网络信号弱：消息可能延迟或丢失。</translation>
    </message>
    <message>
        <source>Code reported by the charger: %1</source>
        <translation>充电桩上报的代码：%1</translation>
    </message>
</context>
<context>
    <name>Quantity</name>
    <message>
        <source>Power</source>
        <translation>功率</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>电流</translation>
    </message>
    <message>
        <source>Voltage</source>
        <translation>电压</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>State of charge</source>
        <translation>荷电状态</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>电量</translation>
    </message>
</context>
<context>
    <name>voltdesk::models::ChargerHistoryModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Connector</source>
        <translation>充电枪</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>连接中断</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Charger says: %1</source>
        <translation>充电桩信息：%1</translation>
    </message>
    <message>
        <source>Security event</source>
        <translation>安全事件</translation>
    </message>
    <message>
        <source>Maintenance: %1</source>
        <translation>维护：%1</translation>
    </message>
</context>
<context>
    <name>voltdesk::models::ConfigurationModel</name>
    <message>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>writable</source>
        <translation>可写</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>配置项</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>权限</translation>
    </message>
</context>
<context>
    <name>voltdesk::widgets::ChargerDetailView</name>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>%n 秒前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n 分钟前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n 小时前</numerusform>
        </translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Faults and events</source>
        <translation>故障与事件</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>History not loaded</source>
        <translation>历史未加载</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Configuration not loaded</source>
        <translation>配置未加载</translation>
    </message>
    <message>
        <source>History as of %1</source>
        <translation>历史数据截至 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n keys</source>
        <translation>
            <numerusform>%n 个配置项</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown: %1</source>
        <translation>未知：%1</translation>
    </message>
    <message>
        <source>Loading history…</source>
        <translation>正在加载历史…</translation>
    </message>
    <message>
        <source>History not available: %1 %2</source>
        <translation>历史不可用：%1 %2</translation>
    </message>
    <message>
        <source>Asking the charger…</source>
        <translation>正在询问充电桩…</translation>
    </message>
    <message>
        <source>Configuration not available: %1 %2</source>
        <translation>配置不可用：%1 %2</translation>
    </message>
    <message>
        <source>Not known to the console (yet)</source>
        <translation>控制台尚未收到此充电桩</translation>
    </message>
    <message>
        <source>%1 %2 · firmware %3 · serial %4 · %5 kW</source>
        <translation>%1 %2 · 固件 %3 · 序列号 %4 · %5 kW</translation>
    </message>
    <message>
        <source>never heard from</source>
        <translation>从未收到消息</translation>
    </message>
    <message>
        <source>last message %1</source>
        <translation>最后消息 %1</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>数据过时</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
</context>
<context>
    <name>voltdesk::widgets::ConnectorTable</name>
    <message>
        <source>Connector</source>
        <translation>充电枪</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Id tag</source>
        <translation>卡号</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Energy (kWh)</source>
        <translation>电量 (kWh)</translation>
    </message>
    <message>
        <source>Power (kW)</source>
        <translation>功率 (kW)</translation>
    </message>
    <message>
        <source>SoC (%)</source>
        <translation>SoC (%)</translation>
    </message>
</context>
<context>
    <name>voltdesk::widgets::StatusTimeline</name>
    <message>
        <source>No status history yet</source>
        <translation>暂无状态历史</translation>
    </message>
    <message>
        <source>Charger</source>
        <translation>充电桩</translation>
    </message>
    <message>
        <source>Connector %1</source>
        <translation>充电枪 %1</translation>
    </message>
</context>
<context>
    <name>voltdesk::widgets::TelemetryPlotFeed</name>
    <message>
        <source>Charger</source>
        <translation>充电桩</translation>
    </message>
    <message>
        <source>Connector %1</source>
        <translation>充电枪 %1</translation>
    </message>
</context>
</TS>
