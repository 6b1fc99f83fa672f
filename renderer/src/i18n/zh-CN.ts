/**
 * Simplified Chinese, the default language and the source of the key set: `en.ts` must have
 * exactly these keys (checked by the compiler through {@link Messages} and by resources.test.ts).
 */
export const zhCN = {
  app: {
    title: 'FieldKit 现场开通工具箱',
    languageLabel: '界面语言',
  },
  language: {
    'zh-CN': '中文',
    en: 'English',
  },
  host: {
    linkLost: '与本机 FieldKit 服务的连接已断开',
    linkLostDetail: '界面已无法操作设备。请重新启动 FieldKit（或重新打开 serve 命令打印的网址）。',
    unavailable: '未找到本机 FieldKit 服务',
    unavailableDetail: '网址中缺少访问令牌。请使用 FieldKit serve 命令打印的完整网址打开本页面。',
    connecting: '正在连接本机服务…',
    version: '服务版本 {{version}}',
  },
  connect: {
    title: '连接设备',
    protocol: '方式',
    telnet: 'Telnet',
    host: '设备地址',
    hostPlaceholder: '例如 192.168.1.1',
    hostRequired: '请输入设备地址',
    port: '端口',
    portInvalid: '端口应为 1–65535',
    username: '用户名',
    usernamePlaceholder: '可选，设备不要求时留空',
    password: '登录密码',
    enableSecret: '特权密码 (enable)',
    dialect: '命令风格',
    connect: '连接',
    disconnect: '断开',
    connecting: '正在连接并识别设备…',
    disconnecting: '正在断开…',
    connectedTo: '已连接 {{host}}:{{port}}',
  },
  dialectChoice: {
    auto: '自动识别',
  },
  dialects: {
    ios: 'IOS 风格',
    maipu: '迈普',
    ruijie: '锐捷',
    vrp: '华为 VRP',
    comware: '新华三 Comware',
    junos: 'Juniper Junos',
  },
  device: {
    title: '设备信息',
    empty: '连接后在此显示设备信息',
    hostname: '主机名',
    vendor: '厂商',
    model: '型号',
    serial: '序列号',
    version: '软件版本',
    uptime: '运行时间',
    dialect: '方言/命令风格',
    unknown: '—',
  },
  sessionState: {
    idle: '未连接',
    connecting: '连接中',
    ready: '已连接',
    busy: '执行中',
    closing: '断开中',
    closed: '已断开',
  },
  terminal: {
    title: '实时终端',
    hint: '点击终端区域后可直接输入命令',
    placeholder: '连接设备后，终端在此显示设备的实时输出',
    closed: '会话已结束，终端为只读',
  },
  errors: {
    title: '操作失败',
    detail: '详细信息：{{message}}',
    InvalidRequest: '填写的内容无效，请检查地址、端口和密码',
    ConnectionRefused: '连接被拒绝：设备未在该端口提供 Telnet 服务，请检查地址和端口',
    HostUnreachable: '无法到达设备：请检查网线、IP 地址和路由',
    Timeout: '超时：设备在规定时间内没有响应',
    AuthFailed: '用户名或密码错误',
    EnableFailed: '特权密码错误，无法进入特权模式',
    PromptNotFound: '设备没有出现命令提示符，请确认设备类型或命令风格',
    ConnectionClosed: '连接已断开：设备关闭了会话',
    NegotiationFailed: 'Telnet 协商失败：设备的 Telnet 选项不受支持',
    HostKeyChanged: '设备的 SSH 主机密钥与上次记录的不一致：可能更换了设备，也可能有人冒充，请核实后再连接',
    PermissionDenied: '没有权限打开该串口：请检查操作系统用户的串口访问权限',
    PortBusy: '串口被占用：请关闭正在使用该串口的其他程序或会话',
    PortNotFound: '找不到该串口：请确认配置线已插好，然后重新选择串口',
    ModeUnreachable: '无法进入设备所需的命令模式',
    SessionNotFound: '会话不存在或已结束，请重新连接',
    SessionBusy: '设备正在执行其他操作，请稍后再试',
    Cancelled: '操作已取消',
    Internal: 'FieldKit 内部错误，请将详细信息反馈给技术支持',
  },
} as const;

type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every language must fill: the same keys as zh-CN, any text. */
export type Messages = Widen<typeof zhCN>;
