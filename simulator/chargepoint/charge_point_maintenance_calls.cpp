// Firmware updates (plain and signed), diagnostics and log uploads with their progress notifications,
// and the certificates of the security whitepaper, as the behaviour knobs say.
#include "chargepoint/call_args.h"
#include "chargepoint/charge_point.h"

#include <algorithm>
#include <cstdio>
#include <functional>

namespace voltdesk::sim {

using Json = nlohmann::json;

namespace {

Json status(std::string_view s) {
    return Json{{"status", s}};
}

/// Not a real certificate hash (the simulator parses no X.509): stable per certificate text, which is
/// all DeleteCertificate needs to find it again.
std::string fakeHash(const std::string& text, std::size_t salt) {
    std::array<char, 17> buf{};
    std::snprintf(
        buf.data(), buf.size(), "%016llx",
        static_cast<unsigned long long>(std::hash<std::string>{}(text) ^ (salt * 0x9E3779B97F4A7C15ull)));
    return std::string(buf.data()) + std::string(buf.data()); // 32 hex digits, as SHA-256 halves look
}

Json hashData(const std::string& pem, const std::string& serial) {
    return Json{{"hashAlgorithm", "SHA256"},
                {"issuerNameHash", fakeHash(pem, 1)},
                {"issuerKeyHash", fakeHash(pem, 2)},
                {"serialNumber", serial}};
}

} // namespace

Json ChargePoint::onUpdateFirmware(const Json& p, EpochMs now) {
    (void)args::text(p, "location");
    const EpochMs retrieve = std::max(now, args::dateTime(p, "retrieveDate").value_or(now));
    const EpochMs step = m_behaviour.flowStepMs;
    const auto outcome = m_behaviour.firmwareOutcome;
    const auto notify = [](const char* s) { return Json{{"status", s}}; };
    m_flow.push_back(FlowStep{retrieve, "FirmwareStatusNotification", notify("Downloading"), "Downloading"});
    if (outcome == FirmwareOutcome::DownloadFailed) {
        m_flow.push_back(FlowStep{retrieve + step, "FirmwareStatusNotification", notify("DownloadFailed"),
                                  "DownloadFailed"});
        return Json::object();
    }
    m_flow.push_back(
        FlowStep{retrieve + step, "FirmwareStatusNotification", notify("Downloaded"), "Downloaded"});
    m_flow.push_back(
        FlowStep{retrieve + 2 * step, "FirmwareStatusNotification", notify("Installing"), "Installing"});
    if (outcome == FirmwareOutcome::InstallationFailed || outcome == FirmwareOutcome::InvalidSignature) {
        m_flow.push_back(FlowStep{retrieve + 3 * step, "FirmwareStatusNotification",
                                  notify("InstallationFailed"), "InstallationFailed"});
        return Json::object();
    }
    FlowStep reboot{retrieve + 3 * step};
    reboot.reboot = true;
    m_flow.push_back(reboot);
    m_flow.push_back(FlowStep{0, "FirmwareStatusNotification", notify("Installed"), "Installed"});
    return Json::object();
}

Json ChargePoint::onSignedUpdateFirmware(const Json& p, EpochMs now) {
    const int requestId = args::integer(p, "requestId").value_or(0);
    const auto& firmware = args::object(p, "firmware");
    (void)args::text(firmware, "location");
    (void)args::text(firmware, "signingCertificate");
    (void)args::text(firmware, "signature");
    const EpochMs retrieve = std::max(now, args::dateTime(firmware, "retrieveDateTime").value_or(now));
    const EpochMs step = m_behaviour.flowStepMs;
    const auto outcome = m_behaviour.firmwareOutcome;
    const auto notify = [requestId](const char* s) { return Json{{"status", s}, {"requestId", requestId}}; };
    const std::string action = "SignedFirmwareStatusNotification";
    m_flow.push_back(FlowStep{retrieve, action, notify("Downloading"), "Downloading"});
    if (outcome == FirmwareOutcome::DownloadFailed) {
        m_flow.push_back(FlowStep{retrieve + step, action, notify("DownloadFailed"), "DownloadFailed"});
        return status("Accepted");
    }
    m_flow.push_back(FlowStep{retrieve + step, action, notify("Downloaded"), "Downloaded"});
    if (outcome == FirmwareOutcome::InvalidSignature) {
        m_flow.push_back(
            FlowStep{retrieve + 2 * step, action, notify("InvalidSignature"), "InvalidSignature"});
        m_flow.push_back(FlowStep{retrieve + 2 * step, "SecurityEventNotification",
                                  Json{{"type", "InvalidFirmwareSignature"},
                                       {"timestamp", args::iso(retrieve + 2 * step)},
                                       {"techInfo", "signature of the firmware does not verify"}}});
        return status("Accepted");
    }
    m_flow.push_back(FlowStep{retrieve + 2 * step, action, notify("SignatureVerified"), "SignatureVerified"});
    m_flow.push_back(FlowStep{retrieve + 3 * step, action, notify("Installing"), "Installing"});
    if (outcome == FirmwareOutcome::InstallationFailed) {
        m_flow.push_back(
            FlowStep{retrieve + 4 * step, action, notify("InstallationFailed"), "InstallationFailed"});
        return status("Accepted");
    }
    FlowStep reboot{retrieve + 4 * step};
    reboot.reboot = true;
    m_flow.push_back(reboot);
    m_flow.push_back(FlowStep{0, action, notify("Installed"), "Installed"});
    return status("Accepted");
}

Json ChargePoint::onGetDiagnostics(const Json& p, EpochMs now) {
    (void)args::text(p, "location");
    const EpochMs step = m_behaviour.flowStepMs;
    const std::string file = m_charger.chargerId + "-diagnostics-" + std::to_string(now / 1000) + ".zip";
    const auto notify = [](const char* s) { return Json{{"status", s}}; };
    const char* end = m_behaviour.diagnosticsUploadFails ? "UploadFailed" : "Uploaded";
    m_flow.push_back(
        FlowStep{now + step, "DiagnosticsStatusNotification", notify("Uploading"), {}, "Uploading"});
    m_flow.push_back(FlowStep{now + 2 * step, "DiagnosticsStatusNotification", notify(end), {}, end});
    return Json{{"fileName", file}};
}

Json ChargePoint::onGetLog(const Json& p, EpochMs now) {
    const auto logType = args::text(p, "logType").value_or("");
    const int requestId = args::integer(p, "requestId").value_or(0);
    (void)args::text(args::object(p, "log"), "remoteLocation");
    const EpochMs step = m_behaviour.flowStepMs;
    const std::string file = m_charger.chargerId + "-" + logType + "-" + std::to_string(now / 1000) + ".log";
    const auto notify = [requestId](const char* s) { return Json{{"status", s}, {"requestId", requestId}}; };
    const char* end = m_behaviour.diagnosticsUploadFails ? "UploadFailure" : "Uploaded";
    m_flow.push_back(FlowStep{now + step, "LogStatusNotification", notify("Uploading"), {}, "Uploading"});
    m_flow.push_back(FlowStep{now + 2 * step, "LogStatusNotification", notify(end), {}, end});
    return Json{{"status", "Accepted"}, {"filename", file}};
}

Json ChargePoint::onInstallCertificate(const Json& p, EpochMs) {
    const auto type = args::text(p, "certificateType").value_or("");
    const auto pem = args::text(p, "certificate").value_or("");
    if (type != "CentralSystemRootCertificate" && type != "ManufacturerRootCertificate") {
        throw CallFailure{ocpp16::ErrorCode::PropertyConstraintViolation, "unknown certificateType"};
    }
    if (pem.find("BEGIN CERTIFICATE") == std::string::npos) {
        return status("Rejected");
    }
    if (static_cast<int>(m_certificates.size()) >= m_config.integer("CertificateStoreMaxLength", 10)) {
        return status("Failed");
    }
    m_certificates.push_back({type, pem, fakeHash(pem, 3).substr(0, 16)});
    return status("Accepted");
}

Json ChargePoint::onDeleteCertificate(const Json& p, EpochMs) {
    const auto& hash = args::object(p, "certificateHashData");
    const auto serial = args::text(hash, "serialNumber").value_or("");
    const auto issuerKey = args::text(hash, "issuerKeyHash").value_or("");
    const auto it = std::find_if(m_certificates.begin(), m_certificates.end(), [&](const Certificate& c) {
        return c.serial == serial && fakeHash(c.pem, 2) == issuerKey;
    });
    if (it == m_certificates.end()) {
        return status("NotFound");
    }
    m_certificates.erase(it);
    return status("Accepted");
}

Json ChargePoint::onGetInstalledCertificateIds(const Json& p, EpochMs) {
    const auto type = args::text(p, "certificateType").value_or("");
    Json ids = Json::array();
    for (const auto& c : m_certificates) {
        if (c.type == type) {
            ids.push_back(hashData(c.pem, c.serial));
        }
    }
    if (ids.empty()) {
        return status("NotFound");
    }
    return Json{{"status", "Accepted"}, {"certificateHashData", ids}};
}

Json ChargePoint::onCertificateSigned(const Json& p, EpochMs now) {
    const auto chain = args::text(p, "certificateChain").value_or("");
    if (chain.find("BEGIN CERTIFICATE") == std::string::npos ||
        static_cast<int>(chain.size()) > m_config.integer("CertificateSignedMaxChainSize", 10000)) {
        sendSecurityEvent("InvalidChargePointCertificate", "the signed certificate does not parse", now);
        return status("Rejected");
    }
    m_certificates.push_back({"ChargePointCertificate", chain, fakeHash(chain, 3).substr(0, 16)});
    return status("Accepted");
}

void ChargePoint::sendSecurityEvent(const std::string& type, const std::string& techInfo, EpochMs now) {
    enqueue({"SecurityEventNotification",
             Json{{"type", type}, {"timestamp", args::iso(now)}, {"techInfo", techInfo}}});
}

void ChargePoint::sendSignCertificate(EpochMs) {
    if (!m_behaviour.certificateSigningRequest.empty()) {
        enqueue({"SignCertificate", Json{{"csr", m_behaviour.certificateSigningRequest}}});
        return;
    }
    // A placeholder CSR: the simulator holds no key pair of its own.
    const std::string csr = "-----BEGIN CERTIFICATE REQUEST-----\nCN=" + m_charger.chargerId +
                            ",O=" + m_config.text("CpoName") + "\n-----END CERTIFICATE REQUEST-----\n";
    enqueue({"SignCertificate", Json{{"csr", csr}}});
}

} // namespace voltdesk::sim
