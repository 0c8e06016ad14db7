#include "chargepoint/configuration_store.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

namespace voltdesk::sim {

namespace {

const std::string kTrue = "true";
const std::string kFalse = "false";

std::string boolText(bool b) {
    return b ? kTrue : kFalse;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

std::optional<long long> parseInt(std::string_view text) {
    long long v = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] =
        std::from_chars(text.data(), end, v); // NOLINT(bugprone-suspicious-stringview-data-usage)
    if (ec != std::errc{} || ptr != end || text.empty()) {
        return std::nullopt;
    }
    return v;
}

std::vector<std::string> splitList(std::string_view text) {
    std::vector<std::string> out;
    while (!text.empty()) {
        const auto comma = text.find(',');
        auto item = text.substr(0, comma);
        while (!item.empty() && item.front() == ' ') {
            item.remove_prefix(1);
        }
        while (!item.empty() && item.back() == ' ') {
            item.remove_suffix(1);
        }
        if (!item.empty()) {
            out.emplace_back(item);
        }
        if (comma == std::string_view::npos) {
            break;
        }
        text.remove_prefix(comma + 1);
    }
    return out;
}

constexpr std::array<std::string_view, 22> kMeasurands{"Energy.Active.Export.Register",
                                                       "Energy.Active.Import.Register",
                                                       "Energy.Reactive.Export.Register",
                                                       "Energy.Reactive.Import.Register",
                                                       "Energy.Active.Export.Interval",
                                                       "Energy.Active.Import.Interval",
                                                       "Energy.Reactive.Export.Interval",
                                                       "Energy.Reactive.Import.Interval",
                                                       "Power.Active.Export",
                                                       "Power.Active.Import",
                                                       "Power.Offered",
                                                       "Power.Reactive.Export",
                                                       "Power.Reactive.Import",
                                                       "Power.Factor",
                                                       "Current.Import",
                                                       "Current.Export",
                                                       "Current.Offered",
                                                       "Voltage",
                                                       "Frequency",
                                                       "Temperature",
                                                       "SoC",
                                                       "RPM"};

constexpr std::array<std::string_view, 10> kBoolKeys{
    "AllowOfflineTxForUnknownId", "AuthorizationCacheEnabled",
    "AuthorizeRemoteTxRequests",  "LocalAuthorizeOffline",
    "LocalPreAuthorize",          "StopTransactionOnEVSideDisconnect",
    "StopTransactionOnInvalidId", "UnlockConnectorOnEVSideDisconnect",
    "LocalAuthListEnabled",       "AdditionalRootCertificateCheck"};

constexpr std::array<std::string_view, 6> kMeasurandListKeys{
    "MeterValuesAlignedData", "MeterValuesSampledData", "StopTxnAlignedData",
    "StopTxnSampledData",     "ConnectorPhaseRotation", ""};

template <std::size_t N> bool contains(const std::array<std::string_view, N>& set, std::string_view key) {
    return std::find(set.begin(), set.end(), key) != set.end();
}

} // namespace

ConfigurationStore::ConfigurationStore(const ChargePointBehaviour& b, int connectorCount, bool dc) {
    std::string sampled =
        "Energy.Active.Import.Register,Power.Active.Import,Current.Import,Voltage,Temperature";
    if (dc) {
        sampled += ",SoC";
    }
    std::string profiles = "Core,FirmwareManagement,RemoteTrigger";
    if (b.localListSupported) {
        profiles += ",LocalAuthListManagement";
    }
    if (b.reservationSupported) {
        profiles += ",Reservation";
    }
    if (b.smartChargingSupported) {
        profiles += ",SmartCharging";
    }
    // Core
    add("AllowOfflineTxForUnknownId", boolText(b.allowOfflineTxForUnknownId));
    add("AuthorizationCacheEnabled", kTrue);
    add("AuthorizeRemoteTxRequests", boolText(b.authorizeRemoteTxRequests));
    add("BlinkRepeat", "3");
    add("ClockAlignedDataInterval", "0");
    add("ConnectionTimeOut", std::to_string(b.connectionTimeOutSeconds));
    add("ConnectorPhaseRotation", "0.RST");
    add("ConnectorPhaseRotationMaxLength", std::to_string(connectorCount + 1), true);
    add("GetConfigurationMaxKeys", "100", true);
    add("HeartbeatInterval", "300");
    add("LightIntensity", "50");
    add("LocalAuthorizeOffline", boolText(b.localAuthorizeOffline));
    add("LocalPreAuthorize", boolText(!b.authorizeBeforeStart));
    add("MaxEnergyOnInvalidId", "0");
    add("MeterValuesAlignedData", "Energy.Active.Import.Register");
    add("MeterValuesAlignedDataMaxLength", "8", true);
    add("MeterValuesSampledData", sampled);
    add("MeterValuesSampledDataMaxLength", "8", true);
    add("MeterValueSampleInterval", std::to_string(b.meterValueSampleIntervalSeconds));
    add("MinimumStatusDuration", "0");
    add("NumberOfConnectors", std::to_string(connectorCount), true);
    add("ResetRetries", "1");
    add("StopTransactionOnEVSideDisconnect", boolText(b.stopTransactionOnEVSideDisconnect));
    add("StopTransactionOnInvalidId", boolText(b.stopTransactionOnInvalidId));
    add("StopTxnAlignedData", "Energy.Active.Import.Register");
    add("StopTxnAlignedDataMaxLength", "8", true);
    add("StopTxnSampledData", "Energy.Active.Import.Register");
    add("StopTxnSampledDataMaxLength", "8", true);
    add("SupportedFeatureProfiles", profiles, true);
    add("SupportedFeatureProfilesMaxLength", "6", true);
    add("TransactionMessageAttempts", std::to_string(b.transactionMessageAttempts));
    add("TransactionMessageRetryInterval", std::to_string(b.transactionMessageRetryIntervalSeconds));
    add("UnlockConnectorOnEVSideDisconnect", kTrue);
    add("WebSocketPingInterval", "0");
    if (b.localListSupported) {
        add("LocalAuthListEnabled", kTrue);
        add("LocalAuthListMaxLength", "1000", true);
        add("SendLocalListMaxLength", "500", true);
    }
    if (b.reservationSupported) {
        add("ReserveConnectorZeroSupported", boolText(b.reserveConnectorZeroSupported), true);
    }
    if (b.smartChargingSupported) {
        add("ChargeProfileMaxStackLevel", "8", true);
        add("ChargingScheduleAllowedChargingRateUnit", "Current,Power", true);
        add("ChargingScheduleMaxPeriods", "24", true);
        add("ConnectorSwitch3to1PhaseSupported", kFalse, true);
        add("MaxChargingProfilesInstalled", "16", true);
    }
    // Security whitepaper (edition 3)
    add("AdditionalRootCertificateCheck", kFalse, true);
    add("AuthorizationKey", b.authorizationKey);
    m_entries["AuthorizationKey"].writeOnly = true;
    add("CertificateSignedMaxChainSize", "10000", true);
    add("CertificateStoreMaxLength", "10", true);
    add("CpoName", "Voltdesk");
    add("SecurityProfile", std::to_string(b.securityProfile));
}

void ConfigurationStore::add(std::string key, std::string value, bool readonly) {
    m_entries[std::move(key)] = Entry{std::move(value), readonly, false};
}

const ConfigurationStore::Entry* ConfigurationStore::find(std::string_view key) const {
    const auto it = m_entries.find(key);
    return it == m_entries.end() ? nullptr : &it->second;
}

bool ConfigurationStore::valid(std::string_view key, std::string_view value) const {
    if (contains(kBoolKeys, key)) {
        return equalsIgnoreCase(value, kTrue) || equalsIgnoreCase(value, kFalse);
    }
    if (key == "ConnectorPhaseRotation") {
        return !value.empty();
    }
    if (contains(kMeasurandListKeys, key)) {
        const auto items = splitList(value);
        const int max = integer(std::string(key) + "MaxLength", 8);
        return static_cast<int>(items.size()) <= max &&
               std::all_of(items.begin(), items.end(),
                           [](const std::string& m) { return contains(kMeasurands, m); });
    }
    if (key == "AuthorizationKey") {
        return value.size() >= 16 && value.size() <= 40;
    }
    if (key == "CpoName") {
        return !value.empty();
    }
    if (key == "SecurityProfile") {
        const auto v = parseInt(value);
        return v && *v >= 0 && *v <= 3 && *v >= integer("SecurityProfile");
    }
    const auto v = parseInt(value);
    return v && *v >= 0 && *v <= 86'400LL * 365;
}

ConfigChange ConfigurationStore::change(std::string_view key, std::string_view value) {
    const auto it = m_entries.find(key);
    if (it == m_entries.end()) {
        return ConfigChange::NotSupported;
    }
    if (it->second.readonly || !valid(key, value)) {
        return ConfigChange::Rejected;
    }
    it->second.value = std::string(value);
    if (contains(kBoolKeys, key)) {
        it->second.value = equalsIgnoreCase(value, kTrue) ? kTrue : kFalse;
    }
    return ConfigChange::Accepted;
}

void ConfigurationStore::set(std::string_view key, std::string value) {
    auto it = m_entries.find(key);
    if (it == m_entries.end()) {
        add(std::string(key), std::move(value));
        return;
    }
    it->second.value = std::move(value);
}

bool ConfigurationStore::boolean(std::string_view key) const {
    const auto* e = find(key);
    return e != nullptr && equalsIgnoreCase(e->value, kTrue);
}

int ConfigurationStore::integer(std::string_view key, int fallback) const {
    const auto* e = find(key);
    if (e == nullptr) {
        return fallback;
    }
    const auto v = parseInt(e->value);
    return v ? static_cast<int>(*v) : fallback;
}

std::string ConfigurationStore::text(std::string_view key) const {
    const auto* e = find(key);
    return e == nullptr ? std::string() : e->value;
}

std::vector<std::string> ConfigurationStore::list(std::string_view key) const {
    return splitList(text(key));
}

} // namespace voltdesk::sim
