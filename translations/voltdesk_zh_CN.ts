<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ChargerActions</name>
    <message>
        <source>viewer</source>
        <translation>查看员</translation>
    </message>
    <message>
        <source>dispatcher</source>
        <translation>调度员</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>运维员</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
</context>
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
    <name>CommandCatalog</name>
    <message>
        <source>Start charging</source>
        <translation>启动充电</translation>
    </message>
    <message>
        <source>Connector</source>
        <translation>充电枪</translation>
    </message>
    <message>
        <source>Id tag</source>
        <translation>卡号</translation>
    </message>
    <message>
        <source>Stop charging</source>
        <translation>停止充电</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>交易编号</translation>
    </message>
    <message>
        <source>Soft reset</source>
        <translation>软重启</translation>
    </message>
    <message>
        <source>Hard reset</source>
        <translation>硬重启</translation>
    </message>
    <message>
        <source>Unlock connector</source>
        <translation>解锁充电枪</translation>
    </message>
    <message>
        <source>Take out of service</source>
        <translation>停止服务</translation>
    </message>
    <message>
        <source>Connector (0: the whole charger)</source>
        <translation>充电枪（0：整个充电桩）</translation>
    </message>
    <message>
        <source>Put back in service</source>
        <translation>恢复服务</translation>
    </message>
    <message>
        <source>Trigger message</source>
        <translation>触发消息</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Connector (empty: all)</source>
        <translation>充电枪（留空：全部）</translation>
    </message>
    <message>
        <source>Read configuration</source>
        <translation>读取配置</translation>
    </message>
    <message>
        <source>Change configuration</source>
        <translation>修改配置</translation>
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
        <source>Set charging limit</source>
        <translation>设置充电限值</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>限值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>watts</source>
        <translation>瓦</translation>
    </message>
    <message>
        <source>amperes</source>
        <translation>安</translation>
    </message>
    <message>
        <source>Clear charging limit</source>
        <translation>清除充电限值</translation>
    </message>
    <message>
        <source>Update firmware</source>
        <translation>更新固件</translation>
    </message>
    <message>
        <source>Firmware URL</source>
        <translation>固件地址</translation>
    </message>
    <message>
        <source>Download from</source>
        <translation>开始下载时间</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>重试次数</translation>
    </message>
    <message>
        <source>Upload diagnostics</source>
        <translation>上传诊断信息</translation>
    </message>
    <message>
        <source>Upload URL</source>
        <translation>上传地址</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>缺少%1</translation>
    </message>
    <message>
        <source>%1 must be a number from %2 to %3</source>
        <translation>%1 必须是 %2 到 %3 之间的数字</translation>
    </message>
    <message>
        <source>%1 is longer than %2 characters</source>
        <translation>%1 超过 %2 个字符</translation>
    </message>
    <message>
        <source>%1 must be one of %2</source>
        <translation>%1 必须是以下之一：%2</translation>
    </message>
    <message>
        <source>%1 is not a URL</source>
        <translation>%1 不是有效网址</translation>
    </message>
    <message>
        <source>%1 is not a date and time</source>
        <translation>%1 不是有效的日期时间</translation>
    </message>
    <message>
        <source>%1 is offline now, so the agent will answer that nothing was sent.</source>
        <translation>%1 当前离线，代理程序将答复未发送任何内容。</translation>
    </message>
    <message>
        <source>%1 reboots at once and is offline for a minute or two.</source>
        <translation>%1 将立即重启，离线一两分钟。</translation>
    </message>
    <message>
        <source>A hard reset ends the running session on connector %1 at once, and %2 reboots.</source>
        <translation>硬重启将立即结束充电枪 %1 上正在进行的充电会话，%2 随后重启。</translation>
    </message>
    <message>
        <source>A hard reset ends the running sessions on connectors %1 at once, and %2 reboots.</source>
        <translation>硬重启将立即结束充电枪 %1 上正在进行的充电会话，%2 随后重启。</translation>
    </message>
    <message>
        <source>%1 restarts its software and is offline for about a minute.</source>
        <translation>%1 将重启软件，离线约一分钟。</translation>
    </message>
    <message>
        <source>%1 first stops the running session on connector(s) %2 cleanly, then restarts its software.</source>
        <translation>%1 会先正常结束充电枪 %2 上正在进行的充电会话，然后重启软件。</translation>
    </message>
    <message>
        <source>%1 starts a session on connector %2 for id tag %3 if a car is plugged in.</source>
        <translation>如已插车，%1 将在充电枪 %2 上为卡号 %3 启动充电会话。</translation>
    </message>
    <message>
        <source>Transaction %1 on %2 ends now; the driver is billed up to this moment.</source>
        <translation>%2 上的交易 %1 将立即结束；按截至此刻的用量向司机计费。</translation>
    </message>
    <message>
        <source>Unlocking connector %1 of %2 ends the running session there.</source>
        <translation>解锁 %2 的充电枪 %1 将结束该枪上正在进行的充电会话。</translation>
    </message>
    <message>
        <source>The cable on connector %1 of %2 is released.</source>
        <translation>%2 的充电枪 %1 的电缆将被释放。</translation>
    </message>
    <message>
        <source>all of %1</source>
        <translation>%1 的全部充电枪</translation>
    </message>
    <message>
        <source>connector %1 of %2</source>
        <translation>%2 的充电枪 %1</translation>
    </message>
    <message>
        <source>New sessions cannot start on %1; the running session finishes first, then it goes out of service.</source>
        <translation>%1 将不再接受新的充电会话；当前会话结束后即停止服务。</translation>
    </message>
    <message>
        <source>%1 goes out of service: no new sessions can start.</source>
        <translation>%1 停止服务：无法开始新的充电会话。</translation>
    </message>
    <message>
        <source>All of %1</source>
        <translation>%1 的全部充电枪</translation>
    </message>
    <message>
        <source>Connector %1 of %2</source>
        <translation>%2 的充电枪 %1</translation>
    </message>
    <message>
        <source>%1 takes new sessions again.</source>
        <translation>%1 将重新接受新的充电会话。</translation>
    </message>
    <message>
        <source>%1 sends a %2 now; nothing else changes.</source>
        <translation>%1 将立即发送 %2；其他不受影响。</translation>
    </message>
    <message>
        <source>Reads the configuration of %1; nothing changes.</source>
        <translation>读取 %1 的配置；不做任何更改。</translation>
    </message>
    <message>
        <source>Sets %1 to &quot;%2&quot; on %3; some keys take effect only after a reboot.</source>
        <translation>在 %3 上将 %1 设为“%2”；部分配置项需重启后才生效。</translation>
    </message>
    <message>
        <source>Sessions on %1 are limited to %2 %3 from now on, the running one too, until the limit is cleared.</source>
        <translation>从现在起，%1 上的充电会话（包括当前会话）限制为 %2 %3，直到清除限值。</translation>
    </message>
    <message>
        <source>Sessions on %1 are limited to %2 %3 until the limit is cleared.</source>
        <translation>%1 上的充电会话限制为 %2 %3，直到清除限值。</translation>
    </message>
    <message>
        <source>The charging limit set from the console on %1 is removed; sessions may draw full power again.</source>
        <translation>移除控制台在 %1 上设置的充电限值；充电会话可恢复满功率。</translation>
    </message>
    <message>
        <source>%1 downloads new firmware and installs it; it reboots and is offline for several minutes.</source>
        <translation>%1 将下载并安装新固件，随后重启，离线数分钟。</translation>
    </message>
    <message>
        <source>%1 downloads new firmware and installs it once the running session on connector(s) %2 ends; it then reboots and is offline for several minutes.</source>
        <translation>%1 将在充电枪 %2 上当前的充电会话结束后下载并安装新固件，随后重启，离线数分钟。</translation>
    </message>
    <message>
        <source>%1 uploads its diagnostics file; charging goes on.</source>
        <translation>%1 将上传诊断文件；充电不受影响。</translation>
    </message>
    <message>
        <source>%1 is sent to %2.</source>
        <translation>已向 %2 发送 %1。</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已答复</translation>
    </message>
    <message>
        <source>%1 by the charger</source>
        <translation>充电桩答复：%1</translation>
    </message>
    <message>
        <source>Charger error %1</source>
        <translation>充电桩错误 %1</translation>
    </message>
    <message>
        <source>Invalid answer from the charger</source>
        <translation>充电桩答复无效</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Charger offline, nothing sent</source>
        <translation>充电桩离线，未发送</translation>
    </message>
    <message>
        <source>Charger disconnected before answering</source>
        <translation>充电桩在答复前断开连接</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒绝</translation>
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
    <message>
        <source>Colour theme: dark or light (default: the last one chosen, else dark).</source>
        <translation>配色主题：dark（深色）或 light（浅色）（默认：上次选择的主题，否则为深色）。</translation>
    </message>
    <message>
        <source>theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Role to assume until the agent publishes the user&apos;s profile: viewer, dispatcher, operator or supervisor (default: viewer). The agent checks every command again.</source>
        <translation>在代理程序发布用户资料之前使用的角色：viewer、dispatcher、operator 或 supervisor（默认：viewer）。代理程序会再次检查每条命令。</translation>
    </message>
    <message>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Unknown role &quot;%1&quot;; use viewer, dispatcher, operator or supervisor.</source>
        <translation>未知角色“%1”；请使用 viewer、dispatcher、operator 或 supervisor。</translation>
    </message>
    <message>
        <source>Unknown theme &quot;%1&quot;; use dark or light.</source>
        <translation>未知主题“%1”；请使用 dark 或 light。</translation>
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
    <message>
        <source>&amp;Billing</source>
        <translation>计费(&amp;B)</translation>
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
        <source>The charger&apos;s local authorization list disagrees with the central system&apos;s answer.</source>
        <translation>充电桩本地授权列表与中央系统的答复不一致。</translation>
    </message>
    <message>
        <source>Another error; the charger&apos;s info and vendor code say more.</source>
        <translation>其他错误；详情见充电桩的信息和厂商代码。</translation>
    </message>
    <message>
        <source>The vehicle drew more current than allowed; charging stopped.</source>
        <translation>车辆电流超过允许值；充电已停止。</translation>
    </message>
    <message>
        <source>Grid voltage above the charger&apos;s limit.</source>
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
        <source>Grid voltage below the charger&apos;s limit.</source>
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
    <name>StatusLetters</name>
    <message>
        <source>A</source>
        <comment>connector Available</comment>
        <translation>A</translation>
    </message>
    <message>
        <source>P</source>
        <comment>connector Preparing</comment>
        <translation>P</translation>
    </message>
    <message>
        <source>C</source>
        <comment>connector Charging</comment>
        <translation>C</translation>
    </message>
    <message>
        <source>SE</source>
        <comment>connector Suspended by the charger</comment>
        <translation>SE</translation>
    </message>
    <message>
        <source>SV</source>
        <comment>connector Suspended by the vehicle</comment>
        <translation>SV</translation>
    </message>
    <message>
        <source>Fi</source>
        <comment>connector Finishing</comment>
        <translation>Fi</translation>
    </message>
    <message>
        <source>R</source>
        <comment>connector Reserved</comment>
        <translation>R</translation>
    </message>
    <message>
        <source>U</source>
        <comment>connector Unavailable</comment>
        <translation>U</translation>
    </message>
    <message>
        <source>F</source>
        <comment>connector Faulted</comment>
        <translation>F</translation>
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
    <name>voltdesk::models::BulkCommandRun</name>
    <message>
        <source>Stopped: the first chargers failed</source>
        <translation>已停止：首批充电桩执行失败</translation>
    </message>
    <message>
        <source>Stopped: too many chargers failed</source>
        <translation>已停止：失败的充电桩过多</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>voltdesk::models::BulkCommandRunner</name>
    <message>
        <source>Cancelled by the operator</source>
        <translation>已由操作员取消</translation>
    </message>
    <message>
        <source>First chargers</source>
        <translation>首批充电桩</translation>
    </message>
    <message>
        <source>The rest</source>
        <translation>其余充电桩</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>正在停止</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>%1: %2 succeeded, %3 failed, %4 running, %5 waiting, %6 skipped of %7</source>
        <translation>%1：共 %7 个，成功 %2，失败 %3，进行中 %4，等待中 %5，已跳过 %6</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Sent…</source>
        <translation>已发送…</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Charger</source>
        <translation>充电桩</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答复</translation>
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
    <name>voltdesk::models::CommandClient</name>
    <message>
        <source>Your role is not known yet, so no command can be sent</source>
        <translation>尚未获知您的角色，无法发送命令</translation>
    </message>
    <message>
        <source>No agent holds this charger&apos;s connection; nothing was sent</source>
        <translation>没有代理程序持有此充电桩的连接；未发送任何内容</translation>
    </message>
    <message>
        <source>Not connected to the broker; nothing was sent</source>
        <translation>未连接代理服务器；未发送任何内容</translation>
    </message>
    <message numerus="yes">
        <source>No answer from the agent within %n s</source>
        <translation>
            <numerusform>代理程序在 %n 秒内未答复</numerusform>
        </translation>
    </message>
    <message>
        <source>The command did not reach the broker: %1</source>
        <translation>命令未送达代理服务器：%1</translation>
    </message>
    <message>
        <source>The broker refused the command (%1, reason code 0x%2)</source>
        <translation>代理服务器拒绝了该命令（%1，原因码 0x%2）</translation>
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
    <name>voltdesk::models::FleetTableModel</name>
    <message>
        <source>Charger</source>
        <translation>充电桩</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Connectors</source>
        <translation>充电枪</translation>
    </message>
    <message>
        <source>Last message</source>
        <translation>最后消息</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>固件</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>功率</translation>
    </message>
    <message>
        <source>Energy today</source>
        <translation>今日电量</translation>
    </message>
    <message>
        <source>Faults 24 h</source>
        <translation>24 小时故障</translation>
    </message>
    <message>
        <source>Avail. 24 h</source>
        <translation>24 小时可用率</translation>
    </message>
    <message>
        <source>Avail. 30 d</source>
        <translation>30 天可用率</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康度</translation>
    </message>
    <message>
        <source>Status per connector: A available, P preparing, C charging, SE/SV suspended by the charger/vehicle, Fi finishing, R reserved, U unavailable, F faulted</source>
        <translation>各充电枪状态：A 可用，P 准备中，C 充电中，SE/SV 充电桩/车辆暂停，Fi 结束中，R 预约，U 不可用，F 故障</translation>
    </message>
    <message numerus="yes">
        <source>Time since the charger&apos;s last message; greyed when older than %n min</source>
        <translation>
            <numerusform>距充电桩最后一条消息的时间；超过 %n 分钟显示为灰色</numerusform>
        </translation>
    </message>
    <message>
        <source>Share of the time the charger was neither Faulted, Unavailable nor offline</source>
        <translation>充电桩既非故障、不可用也未离线的时间占比</translation>
    </message>
    <message>
        <source>0–100, computed by the agent from faults, availability and connectivity</source>
        <translation>0–100，由代理程序根据故障、可用性和连接情况计算</translation>
    </message>
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
    <message numerus="yes">
        <source>%n d ago</source>
        <translation>
            <numerusform>%n 天前</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 kW</source>
        <translation>%1 kW</translation>
    </message>
    <message>
        <source>%1 kWh</source>
        <translation>%1 kWh</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>No health figures from the agent yet</source>
        <translation>代理程序尚未提供健康数据</translation>
    </message>
    <message>
        <source>No problems found</source>
        <translation>未发现问题</translation>
    </message>
</context>
<context>
    <name>voltdesk::models::billing::CdrBreakdownModel</name>
    <message>
        <source>Energy fee</source>
        <translation>电费</translation>
    </message>
    <message>
        <source>Service fee</source>
        <translation>服务费</translation>
    </message>
    <message>
        <source>Charging time</source>
        <translation>充电时长费</translation>
    </message>
    <message>
        <source>Idle fee</source>
        <translation>占位费</translation>
    </message>
    <message>
        <source>Session fee</source>
        <translation>单次服务费</translation>
    </message>
    <message>
        <source>Minimum price</source>
        <translation>最低价</translation>
    </message>
    <message>
        <source>Maximum price</source>
        <translation>最高价</translation>
    </message>
    <message>
        <source>Meter went backwards</source>
        <translation>电表读数倒退</translation>
    </message>
    <message>
        <source>Implausible meter jump</source>
        <translation>电表读数异常跳变</translation>
    </message>
    <message>
        <source>Conflicting meter readings</source>
        <translation>电表读数冲突</translation>
    </message>
    <message>
        <source>Reading outside the session</source>
        <translation>读数不在充电时段内</translation>
    </message>
    <message>
        <source>Sharp</source>
        <translation>尖</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>峰</translation>
    </message>
    <message>
        <source>Flat</source>
        <translation>平</translation>
    </message>
    <message>
        <source>Valley</source>
        <translation>谷</translation>
    </message>
    <message>
        <source>%1 kWh</source>
        <translation>%1 kWh</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 /kWh</source>
        <translation>%1 /kWh</translation>
    </message>
    <message>
        <source>%1 /min</source>
        <translation>%1 /分钟</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Time (site)</source>
        <translation>时间（站点）</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount (%1)</source>
        <translation>金额（%1）</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>v%1 · %2</source>
        <translation>v%1 · %2</translation>
    </message>
    <message>
        <source> (running, provisional)</source>
        <translation>（进行中，暂估）</translation>
    </message>
    <message>
        <source> (in force)</source>
        <translation>（现行）</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>未计费</translation>
    </message>
    <message>
        <source>%1 kWh billed, %2 kWh not billed</source>
        <translation>计费电量 %1 kWh，未计费 %2 kWh</translation>
    </message>
    <message>
        <source>%1 kWh billed</source>
        <translation>计费电量 %1 kWh</translation>
    </message>
    <message>
        <source>%1 at %2: %3 kWh not billed. %4</source>
        <translation>%1，%2：%3 kWh 未计费。%4</translation>
    </message>
    <message>
        <source>charge stopped</source>
        <translation>充电结束</translation>
    </message>
    <message>
        <source>so far</source>
        <translation>截至目前</translation>
    </message>
</context>
<context>
    <name>voltdesk::models::billing::RevenueSummaryModel</name>
    <message>
        <source>(unrated)</source>
        <translation>（未计费）</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Period or fee</source>
        <translation>时段或费用</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>充电次数</translation>
    </message>
    <message>
        <source>Energy (kWh)</source>
        <translation>电量（kWh）</translation>
    </message>
    <message>
        <source>Revenue incl. tax</source>
        <translation>含税营收</translation>
    </message>
    <message>
        <source>Revenue before tax</source>
        <translation>税前营收</translation>
    </message>
</context>
<context>
    <name>voltdesk::models::billing::SessionPages</name>
    <message>
        <source>No agent is online to ask for sessions.</source>
        <translation>没有在线的代理程序可查询充电记录。</translation>
    </message>
</context>
<context>
    <name>voltdesk::models::billing::SessionsModel</name>
    <message>
        <source>Running: the cost so far, rated up to %1</source>
        <translation>充电中：截至 %1 的费用</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>充电中</translation>
    </message>
    <message>
        <source>Unrated</source>
        <translation>未计费</translation>
    </message>
    <message>
        <source>Finished · v%1</source>
        <translation>已结束 · v%1</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>未计费</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Started (site time)</source>
        <translation>开始时间（站点）</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Charger · connector</source>
        <translation>充电桩 · 枪</translation>
    </message>
    <message>
        <source>Id tag</source>
        <translation>卡号</translation>
    </message>
    <message>
        <source>Customer group</source>
        <translation>客户组</translation>
    </message>
    <message>
        <source>kWh</source>
        <translation>kWh</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>voltdesk::models::billing::BillingClient</name>
    <message>
        <source>The agent refused: %1</source>
        <translation>代理程序拒绝：%1</translation>
    </message>
    <message>
        <source>The agent did not complete the command (%1).</source>
        <translation>代理程序未完成该命令（%1）。</translation>
    </message>
</context>
<context>
    <name>voltdesk::models::billing::TariffAssignmentsModel</name>
    <message>
        <source>Customer group</source>
        <translation>客户组</translation>
    </message>
    <message>
        <source>Charger</source>
        <translation>充电桩</translation>
    </message>
    <message>
        <source>Charger group</source>
        <translation>充电桩组</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>No chargers in this group</source>
        <translation>该组中没有充电桩</translation>
    </message>
    <message>
        <source>Chargers: %1</source>
        <translation>充电桩：%1</translation>
    </message>
    <message>
        <source>No stored tariff has this id: its sessions are recorded unrated</source>
        <translation>没有此编号的已保存电价：其充电记录将按未计费记录</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n charger(s))</source>
        <translation>
            <numerusform>%1（%n 台充电桩）</numerusform>
        </translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>适用于</translation>
    </message>
    <message>
        <source>Which</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Tariff</source>
        <translation>电价</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>分配时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>分配人</translation>
    </message>
    <message>
        <source>%1 (v%2)</source>
        <translation>%1（第 %2 版）</translation>
    </message>
    <message>
        <source>%1 (v%2–%3)</source>
        <translation>%1（第 %2–%3 版）</translation>
    </message>
    <message>
        <source>Name the %1 the tariff is for.</source>
        <translation>请填写该电价适用的%1。</translation>
    </message>
    <message>
        <source>Choose a tariff.</source>
        <translation>请选择电价。</translation>
    </message>
    <message>
        <source>There is no stored tariff &apos;%1&apos;: save it first, then assign it.</source>
        <translation>没有已保存的电价“%1”：请先保存，再分配。</translation>
    </message>
    <message>
        <source>A charger group needs at least one charger.</source>
        <translation>充电桩组至少需要一台充电桩。</translation>
    </message>
    <message>
        <source>Customer group %1 loses its tariff %2.</source>
        <translation>客户组 %1 将失去其电价 %2。</translation>
    </message>
    <message>
        <source>Its sessions will be billed with their charger&apos;s, charger group&apos;s or site&apos;s tariff, or recorded unrated where none has one.</source>
        <translation>其充电将按所用充电桩、充电桩组或站点的电价计费；均无电价时记为未计费。</translation>
    </message>
    <message>
        <source>Charger %1 loses its tariff %2.</source>
        <translation>充电桩 %1 将失去其电价 %2。</translation>
    </message>
    <message>
        <source>Its sessions will be billed with its charger group&apos;s or site&apos;s tariff (a customer group&apos;s tariff still comes first), or recorded unrated where none has one.</source>
        <translation>其充电将按所属充电桩组或站点的电价计费（客户组电价仍然优先）；均无电价时记为未计费。</translation>
    </message>
    <message numerus="yes">
        <source>Charger group %1 (%n charger(s): %2) loses its tariff %3.</source>
        <translation>
            <numerusform>充电桩组 %1（%n 台充电桩：%2）将失去其电价 %3。</numerusform>
        </translation>
    </message>
    <message>
        <source>Their sessions will be billed with their own or their site&apos;s tariff (a customer group&apos;s tariff still comes first), or recorded unrated where none has one. The group keeps its chargers.</source>
        <translation>这些充电桩的充电将按其自身或所在站点的电价计费（客户组电价仍然优先）；均无电价时记为未计费。该组保留其充电桩。</translation>
    </message>
    <message>
        <source>Site %1 loses its tariff %2.</source>
        <translation>站点 %1 将失去其电价 %2。</translation>
    </message>
    <message>
        <source>Sessions there without a customer group, charger or charger group tariff will be recorded unrated.</source>
        <translation>该站点上没有客户组、充电桩或充电桩组电价的充电将记为未计费。</translation>
    </message>
    <message>
        <source>Records already stored keep their amounts until they are re-rated.</source>
        <translation>已保存的记录在重新计费之前金额不变。</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>%1 no longer has a tariff of its own.</source>
        <translation>%1 不再有自己的电价。</translation>
    </message>
    <message>
        <source>%1 now uses tariff &apos;%2&apos;.</source>
        <translation>%1 现使用电价“%2”。</translation>
    </message>
</context>
<context>
    <name>voltdesk::widgets::BillingDocks</name>
    <message>
        <source>Charging sessions</source>
        <translation>充电记录</translation>
    </message>
    <message>
        <source>Tariffs</source>
        <translation>电价</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>营收</translation>
    </message>
    <message>
        <source>Charging &amp;sessions</source>
        <translation>充电记录(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Tariffs</source>
        <translation>电价(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Revenue</source>
        <translation>营收(&amp;R)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>收据</translation>
    </message>
    <message>
        <source>%1 cannot be used: %2</source>
        <translation>%1 无法使用：%2</translation>
    </message>
    <message>
        <source>Choose operator.json (the operator&apos;s names and tax id for receipts and statements)</source>
        <translation>选择 operator.json（收据和对账单上的运营商名称和税号）</translation>
    </message>
</context>
<context>
    <name>voltdesk::widgets::BulkProgressDialog</name>
    <message numerus="yes">
        <source>%1 — %n chargers</source>
        <translation>
            <numerusform>%1 — %n 个充电桩</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop sending</source>
        <translation>停止发送</translation>
    </message>
</context>
<context>
    <name>voltdesk::widgets::CdrBreakdownPanel</name>
    <message>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>Energy:</source>
        <translation>电量：</translation>
    </message>
    <message>
        <source>Subtotal:</source>
        <translation>小计：</translation>
    </message>
    <message>
        <source>Tax:</source>
        <translation>税：</translation>
    </message>
    <message>
        <source>Total:</source>
        <translation>合计：</translation>
    </message>
    <message>
        <source>Re-rate…</source>
        <translation>重新计费…</translation>
    </message>
    <message>
        <source>Save receipt PDF…</source>
        <translation>保存收据 PDF…</translation>
    </message>
    <message>
        <source>Select a session to see its bill.</source>
        <translation>选择一条充电记录以查看账单明细。</translation>
    </message>
    <message>
        <source>%1 · %2 · connector %3
%4 – %5 (site time, %6)</source>
        <translation>%1 · %2 · %3 号枪
%4 – %5（站点时间，%6）</translation>
    </message>
    <message>
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>console&apos;s zone</source>
        <translation>控制台时区</translation>
    </message>
    <message>
        <source>The versions of %1 could not be read: %2</source>
        <translation>无法读取 %1 的各版本：%2</translation>
    </message>
    <message>
        <source>Running: the cost so far, not a bill yet.</source>
        <translation>充电中：截至目前的费用，尚非账单。</translation>
    </message>
    <message>
        <source>Not rated: %1</source>
        <translation>未计费：%1</translation>
    </message>
    <message>
        <source>Re-rated: %1</source>
        <translation>已重新计费：%1</translation>
    </message>
    <message>
        <source>Meter anomalies:
%1</source>
        <translation>电表异常：
%1</translation>
    </message>
    <message>
        <source>Rate the session again under the tariffs assigned now; every earlier version is kept</source>
        <translation>按当前分配的电价重新计费；保留所有旧版本</translation>
    </message>
    <message>
        <source>Only a finished session can be re-rated</source>
        <translation>只有已结束的充电记录可以重新计费</translation>
    </message>
    <message>
        <source>Re-rate %1</source>
        <translation>重新计费 %1</translation>
    </message>
    <message>
        <source>The session is rated again from its stored meter readings under the tariffs assigned now. The result becomes version %1; every earlier version is kept. Say why (required): the note is the new version&apos;s reason and is printed on its receipt.</source>
        <translation>将按已存储的电表读数和当前分配的电价重新计费，结果为第 %1 版；所有旧版本均保留。请说明原因（必填）：备注将作为新版本的原因并打印在收据上。</translation>
    </message>
    <message>
        <source>e.g. Tariff for the site corrected, ticket 4711</source>
        <translation>例如：站点电价已更正，工单 4711</translation>
    </message>
    <message>
        <source>Re-rate</source>
        <translation>重新计费</translation>
    </message>
    <message>
        <source>No agent is known to re-rate %1</source>
        <translation>没有可用的代理来重新计费 %1</translation>
    </message>
    <message>
        <source>Re-rating %1…</source>
        <translation>正在重新计费 %1…</translation>
    </message>
    <message>
        <source>Re-rating %1 was refused: %2</source>
        <translation>重新计费 %1 被拒绝：%2</translation>
    </message>
    <message>
        <source>%1 re-rated</source>
        <translation>%1 已重新计费</translation>
    </message>
    <message>
        <source>No session is selected</source>
        <translation>未选择充电记录</translation>
    </message>
    <message>
        <source>No operator.json: the receipt needs the operator&apos;s names and tax id</source>
        <translation>缺少 operator.json：收据需要运营商名称和税号</translation>
    </message>
    <message>
        <source>Save receipt PDF</source>
        <translation>保存收据 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Receipt saved to %1</source>
        <translation>收据已保存到 %1</translation>
    </message>
    <message>
        <source>Receipt not saved: %1</source>
        <translation>收据未保存：%1</translation>
    </message>
</context>
<context>
    <name>voltdesk::widgets::ChargerActions</name>
    <message>
        <source>Needs the %1 role or higher; you are %2.</source>
        <translation>需要%1或更高角色；您当前是%2。</translation>
    </message>
    <message>
        <source>Needs the %1 role or higher; your role is not known yet.</source>
        <translation>需要%1或更高角色；尚未获知您的角色。</translation>
    </message>
    <message>
        <source>No role may send this.</source>
        <translation>任何角色都无权发送此命令。</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>More commands</source>
        <translation>更多命令</translation>
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
    <name>voltdesk::widgets::CommandDialog</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n chargers</source>
        <translation>
            <numerusform>%1 — %n 个充电桩</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; on charger &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>在充电桩 &lt;b&gt;%2&lt;/b&gt; 上执行&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; on %n chargers: %2</source>
        <translation>
            <numerusform>在 %n 个充电桩上执行&lt;b&gt;%1&lt;/b&gt;：%2</numerusform>
        </translation>
    </message>
    <message>
        <source> (optional)</source>
        <translation>（可选）</translation>
    </message>
    <message numerus="yes">
        <source>%1 on %n chargers</source>
        <translation>
            <numerusform>在 %n 个充电桩上执行%1</numerusform>
        </translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message numerus="yes">
        <source>On each of the %n chargers, as on the first:</source>
        <translation>
            <numerusform>在全部 %n 个充电桩上，与第一个相同：</numerusform>
        </translation>
    </message>
    <message>
        <source>Sessions are running on %1 of them.</source>
        <translation>其中 %1 个正在进行充电会话。</translation>
    </message>
    <message>
        <source>A few chargers go first; the rest follow only if they succeed.</source>
        <translation>先对少量充电桩执行；成功后才对其余充电桩执行。</translation>
    </message>
</context>
<context>
    <name>voltdesk::widgets::CommandProgressDialog</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; sent to &lt;b&gt;%2&lt;/b&gt;; waiting for its answer…</source>
        <translation>已向 &lt;b&gt;%2&lt;/b&gt; 发送&lt;b&gt;%1&lt;/b&gt;；正在等待答复…</translation>
    </message>
    <message>
        <source>%1 answered:</source>
        <translation>%1 答复：</translation>
    </message>
    <message>
        <source>The command to %1 did not succeed:</source>
        <translation>发送到 %1 的命令未成功：</translation>
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
    <name>voltdesk::widgets::FleetTableView</name>
    <message>
        <source>Search charger, site, firmware…</source>
        <translation>搜索充电桩、站点、固件…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>需要关注</translation>
    </message>
    <message>
        <source>All sites</source>
        <translation>全部站点</translation>
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
    <name>voltdesk::widgets::LivePlot</name>
    <message>
        <source>Follow live data</source>
        <translation>跟随实时数据</translation>
    </message>
    <message>
        <source>Export as PNG…</source>
        <translation>导出为 PNG…</translation>
    </message>
    <message>
        <source>Export as CSV…</source>
        <translation>导出为 CSV…</translation>
    </message>
    <message>
        <source>Export plot as PNG</source>
        <translation>将图表导出为 PNG</translation>
    </message>
    <message>
        <source>Export plot data as CSV</source>
        <translation>将图表数据导出为 CSV</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
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
        <source>Fleet health</source>
        <translation>充电桩群健康状况</translation>
    </message>
    <message>
        <source>&amp;Search the fleet table</source>
        <translation>搜索充电桩列表(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Go to charger…</source>
        <translation>转到充电桩(&amp;G)…</translation>
    </message>
    <message>
        <source>Focus the &amp;map</source>
        <translation>聚焦地图(&amp;M)</translation>
    </message>
    <message>
        <source>Focus the fleet &amp;table</source>
        <translation>聚焦充电桩列表(&amp;T)</translation>
    </message>
    <message>
        <source>Focus the &amp;details</source>
        <translation>聚焦详情(&amp;D)</translation>
    </message>
    <message>
        <source>Open charger &amp;detail view</source>
        <translation>打开充电桩详情视图(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Clear selection</source>
        <translation>清除选择(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Resynchronise with the broker</source>
        <translation>与代理服务器重新同步(&amp;R)</translation>
    </message>
    <message>
        <source>Switch &amp;theme (dark/light)</source>
        <translation>切换主题（深色/浅色）(&amp;T)</translation>
    </message>
    <message>
        <source>Reset &amp;layout</source>
        <translation>重置布局(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Charger %1</source>
        <translation>充电桩 %1</translation>
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
    <name>voltdesk::widgets::RevenueView</name>
    <message>
        <source>All sites</source>
        <translation>全部站点</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Sessions that stopped from</source>
        <translation>结束时间从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>By site</source>
        <translation>按站点</translation>
    </message>
    <message>
        <source>By period and fee</source>
        <translation>按时段和费用</translation>
    </message>
    <message>
        <source>No agent is online to ask for the revenue.</source>
        <translation>没有在线的代理可查询营收。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Revenue not available: %1</source>
        <translation>无法获取营收：%1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n session(s), %2 kWh, before tax %3, tax %4</source>
        <translation>
            <numerusform>%1：%n 次充电，%2 kWh，税前 %3，税 %4</numerusform>
        </translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>合计：%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) not rated (no tariff): assign a tariff and re-rate them.</source>
        <translation>
            <numerusform>%n 条充电记录未计费（无电价）：请分配电价后重新计费。</numerusform>
        </translation>
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
    <name>voltdesk::widgets::SessionsView</name>
    <message numerus="yes">
        <source>%n unrated session(s), %1 kWh</source>
        <translation>
            <numerusform>%n 条未计费记录，%1 kWh</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n running)</source>
        <translation>
            <numerusform>%1（%n 个充电中）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n session(s), %2 kWh, tax %3</source>
        <translation>
            <numerusform>%1 — %n 次充电，%2 kWh，税 %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Charger</source>
        <translation>充电桩</translation>
    </message>
    <message>
        <source>Customer group</source>
        <translation>客户组</translation>
    </message>
    <message>
        <source>Id tag</source>
        <translation>卡号</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>All sessions</source>
        <translation>全部充电记录</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>充电中</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>◀ Newer</source>
        <translation>◀ 更新</translation>
    </message>
    <message>
        <source>Older ▶</source>
        <translation>更早 ▶</translation>
    </message>
    <message>
        <source>Export settlement CSV…</source>
        <translation>导出结算 CSV…</translation>
    </message>
    <message>
        <source>Every finished session the filter matches (all pages), the version in force, with the columns of voltdesk-agent billing settlement</source>
        <translation>符合筛选条件的全部已结束充电记录（所有页）的现行版本，列与 voltdesk-agent billing settlement 相同</translation>
    </message>
    <message>
        <source>No agent is online to ask for sessions.</source>
        <translation>没有在线的代理可查询充电记录。</translation>
    </message>
    <message>
        <source>Loading sessions…</source>
        <translation>正在加载充电记录…</translation>
    </message>
    <message>
        <source>Sessions not available: %1 %2</source>
        <translation>无法获取充电记录：%1 %2</translation>
    </message>
    <message>
        <source>%1–%2 of %3</source>
        <translation>第 %1–%2 条，共 %3 条</translation>
    </message>
    <message>
        <source>Press Search to list sessions.</source>
        <translation>点击“查询”列出充电记录。</translation>
    </message>
    <message>
        <source>Finished, all pages: %1</source>
        <translation>已结束（所有页）：%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Running now (so far): %1</source>
        <translation>正在充电（截至目前）：%1</translation>
    </message>
    <message>
        <source>Export settlement CSV</source>
        <translation>导出结算 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) exported to %1</source>
        <translation>
            <numerusform>已导出 %n 条充电记录到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Monthly statement PDF…</source>
        <translation>月度对账单 PDF…</translation>
    </message>
    <message>
        <source>A customer group&apos;s sessions that stopped in a month, with totals and tax, as voltdesk-documents statement prints it</source>
        <translation>客户组在某月结束的充电记录，含合计与税额，与 voltdesk-documents statement 打印的相同</translation>
    </message>
    <message>
        <source>Save monthly statement PDF</source>
        <translation>保存月度对账单 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Name the customer group the statement is for.</source>
        <translation>请填写对账单所属的客户组。</translation>
    </message>
    <message>
        <source>No operator.json: the statement needs the operator&apos;s names and tax id</source>
        <translation>缺少 operator.json：对账单需要运营商名称和税号</translation>
    </message>
</context>
<context>
    <name>voltdesk::widgets::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
</context>
<context>
    <name>voltdesk::widgets::StatementDialog</name>
    <message>
        <source>Monthly statement</source>
        <translation>月度对账单</translation>
    </message>
    <message>
        <source>Every session of the customer group that stopped in the month (in its site&apos;s local time), the version in force of each record, with totals and tax per currency, in English and Chinese.</source>
        <translation>该客户组在当月（按站点当地时间）结束的每次充电，每条记录取现行版本，按币种列出合计与税额，中英文对照。</translation>
    </message>
    <message>
        <source>e.g. FLEET-A</source>
        <translation>例如 FLEET-A</translation>
    </message>
    <message>
        <source>Customer group</source>
        <translation>客户组</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
</context>
<context>
    <name>voltdesk::widgets::StatementExport</name>
    <message>
        <source>Fetching the sessions of %1 around %2…</source>
        <translation>正在获取 %1 在 %2 前后的充电记录…</translation>
    </message>
    <message>
        <source>Fetching the sessions of %1 around %2: %3 of %4…</source>
        <translation>正在获取 %1 在 %2 前后的充电记录：%3 / %4…</translation>
    </message>
    <message>
        <source>Statement not written: %1</source>
        <translation>未写入对账单：%1</translation>
    </message>
    <message>
        <source>No session of customer group &apos;%1&apos; stopped in %2 (site time); no statement was written.</source>
        <translation>客户组“%1”在 %2（站点时间）没有结束的充电；未写入对账单。</translation>
    </message>
    <message numerus="yes">
        <source>Rendering the statement of %n session(s)…</source>
        <translation>
            <numerusform>正在生成含 %n 次充电的对账单…</numerusform>
        </translation>
    </message>
    <message>
        <source>Statement of %1 for %2 (%3 on %4) written to %5</source>
        <translation>%1 的 %2 对账单（%3，共 %4）已写入 %5</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n 次充电</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n 页</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>voltdesk::widgets::StatusSummary</name>
    <message>
        <source>Chargers whose data is older than expected (greyed in the table)</source>
        <translation>数据比预期旧的充电桩（在表格中显示为灰色）</translation>
    </message>
    <message>
        <source>%1 stale</source>
        <translation>%1 个数据过时</translation>
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
    <name>voltdesk::widgets::TariffAssignmentsView</name>
    <message>
        <source>Remove tariff assignment</source>
        <translation>删除电价分配</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>A session is billed with the tariff of its customer group, else of its charger, else of its charger group, else of its site.</source>
        <translation>充电按其客户组的电价计费；没有时依次按充电桩、充电桩组、站点的电价计费。</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Assign a tariff</source>
        <translation>分配电价</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>适用于</translation>
    </message>
    <message>
        <source>Which</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Tariff</source>
        <translation>电价</translation>
    </message>
    <message>
        <source>Chargers in the group (the list replaces the stored one)</source>
        <translation>组内充电桩（此列表将替换已保存的列表）</translation>
    </message>
    <message>
        <source>Double-click a charger to edit its id</source>
        <translation>双击充电桩可编辑其编号</translation>
    </message>
    <message>
        <source>Add charger</source>
        <translation>添加充电桩</translation>
    </message>
    <message>
        <source>Remove charger</source>
        <translation>移除充电桩</translation>
    </message>
    <message>
        <source>Remove assignment…</source>
        <translation>删除分配…</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>分配</translation>
    </message>
    <message>
        <source>site id</source>
        <translation>站点编号</translation>
    </message>
    <message>
        <source>charger id</source>
        <translation>充电桩编号</translation>
    </message>
    <message>
        <source>group name</source>
        <translation>组名</translation>
    </message>
    <message>
        <source>customer group</source>
        <translation>客户组</translation>
    </message>
    <message>
        <source>no tariff is stored yet</source>
        <translation>尚未保存任何电价</translation>
    </message>
    <message>
        <source>not loaded yet</source>
        <translation>尚未加载</translation>
    </message>
    <message>
        <source>Read only: %1</source>
        <translation>只读：%1</translation>
    </message>
    <message>
        <source>Store the assignment; an existing one for the same place or group is replaced</source>
        <translation>保存分配；同一对象已有的分配将被替换</translation>
    </message>
    <message>
        <source>Remove the selected assignment (you are asked first)</source>
        <translation>删除所选分配（会先询问确认）</translation>
    </message>
    <message>
        <source>Select an assignment in the list to remove it</source>
        <translation>在列表中选择要删除的分配</translation>
    </message>
    <message>
        <source>Select the assignment to remove.</source>
        <translation>请选择要删除的分配。</translation>
    </message>
    <message>
        <source>Nothing was removed.</source>
        <translation>未删除任何内容。</translation>
    </message>
    <message>
        <source>No agent is online to store the assignment.</source>
        <translation>没有在线的代理程序可保存分配。</translation>
    </message>
    <message>
        <source>Storing…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>voltdesk::widgets::TariffEditor</name>
    <message>
        <source>Add row</source>
        <translation>添加行</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>删除行</translation>
    </message>
    <message>
        <source>Stored tariffs:</source>
        <translation>已保存的电价：</translation>
    </message>
    <message>
        <source>Edit as new version</source>
        <translation>编辑为新版本</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>New from example</source>
        <translation>从示例新建</translation>
    </message>
    <message>
        <source>Tariff</source>
        <translation>电价</translation>
    </message>
    <message>
        <source>open (e.g. 2026-12-01T00:00:00+08:00)</source>
        <translation>不限（例如 2026-12-01T00:00:00+08:00）</translation>
    </message>
    <message>
        <source>open</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Decimals</source>
        <translation>小数位</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>生效时间</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>失效时间</translation>
    </message>
    <message>
        <source>Periods (prices per kWh, major unit)</source>
        <translation>时段（每 kWh 价格，主币单位）</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Energy price</source>
        <translation>电价</translation>
    </message>
    <message>
        <source>Service fee</source>
        <translation>服务费</translation>
    </message>
    <message>
        <source>Day types: time ranges [from, to) covering each day once</source>
        <translation>日类型：时间段 [起, 止) 须恰好覆盖全天一次</translation>
    </message>
    <message>
        <source>Day type</source>
        <translation>日类型</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Week and holidays</source>
        <translation>每周与节假日</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>Holiday (YYYY-MM-DD)</source>
        <translation>节假日（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>Fees, limits and tax (major unit)</source>
        <translation>费用、限额和税（主币单位）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Charging time per minute</source>
        <translation>充电时长费（每分钟）</translation>
    </message>
    <message>
        <source>Session fee</source>
        <translation>单次服务费</translation>
    </message>
    <message>
        <source>Idle fee after charging finished</source>
        <translation>充满后收取占位费</translation>
    </message>
    <message>
        <source>Idle fee per minute</source>
        <translation>占位费（每分钟）</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Grace period</source>
        <translation>免费时长</translation>
    </message>
    <message>
        <source>Idle fee cap</source>
        <translation>占位费上限</translation>
    </message>
    <message>
        <source>Minimum price</source>
        <translation>最低价</translation>
    </message>
    <message>
        <source>Maximum price</source>
        <translation>最高价</translation>
    </message>
    <message>
        <source>Tax (%)</source>
        <translation>税率（%）</translation>
    </message>
    <message>
        <source>Sample session for the preview</source>
        <translation>用于试算的示例充电</translation>
    </message>
    <message>
        <source>Start (site time)</source>
        <translation>开始（站点时间）</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Energy (kWh)</source>
        <translation>电量（kWh）</translation>
    </message>
    <message>
        <source>Site time zone</source>
        <translation>站点时区</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>试算</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Problems (click one to go to the field):</source>
        <translation>问题（点击可跳转到对应字段）：</translation>
    </message>
    <message>
        <source>Preview: the sample session&apos;s bill</source>
        <translation>试算：示例充电的账单明细</translation>
    </message>
    <message>
        <source>Store the tariff as a new version (it never changes once stored)</source>
        <translation>将电价保存为新版本（保存后不可更改）</translation>
    </message>
    <message>
        <source>No agent is online to ask for tariffs.</source>
        <translation>没有在线的代理可查询电价。</translation>
    </message>
    <message>
        <source>Tariffs not available: %1</source>
        <translation>无法获取电价：%1</translation>
    </message>
    <message>
        <source>%1 v%2 · by %3</source>
        <translation>%1 v%2 · %3 创建</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在校验…</translation>
    </message>
    <message>
        <source>No agent is online to check the tariff.</source>
        <translation>没有在线的代理可校验电价。</translation>
    </message>
    <message>
        <source>The tariff is valid.</source>
        <translation>电价有效。</translation>
    </message>
    <message>
        <source>The tariff is not valid.</source>
        <translation>电价无效。</translation>
    </message>
    <message>
        <source>The sample&apos;s energy must be kWh with at most three decimals, e.g. 40 or 12.5</source>
        <translation>示例电量须为 kWh，最多三位小数，例如 40 或 12.5</translation>
    </message>
    <message>
        <source>Rating the sample session…</source>
        <translation>正在试算示例充电…</translation>
    </message>
    <message>
        <source>No agent is online to rate the sample.</source>
        <translation>没有在线的代理可试算示例。</translation>
    </message>
    <message>
        <source>The sample could not be rated.</source>
        <translation>示例充电无法试算。</translation>
    </message>
    <message>
        <source>The agent&apos;s rating could not be read.</source>
        <translation>无法读取代理的计费结果。</translation>
    </message>
    <message>
        <source>Preview rated by the agent; nothing was stored.</source>
        <translation>代理已试算，未保存任何数据。</translation>
    </message>
    <message>
        <source>Energy %1 · subtotal %2 · tax %3 · total %4</source>
        <translation>电量 %1 · 小计 %2 · 税 %3 · 合计 %4</translation>
    </message>
    <message>
        <source>No agent is online to store the tariff.</source>
        <translation>没有在线的代理可保存电价。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>未保存。</translation>
    </message>
    <message>
        <source>Saved %1 version %2.</source>
        <translation>已保存 %1 第 %2 版。</translation>
    </message>
    <message>
        <source>Field: %1</source>
        <translation>字段：%1</translation>
    </message>
    <message>
        <source>Assignments</source>
        <translation>分配</translation>
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
