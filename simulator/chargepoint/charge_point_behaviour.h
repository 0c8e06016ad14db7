// The knobs a conformance case varies on one simulated charger: which CALLs it accepts, what its
// firmware and diagnostics flows end in, which optional features it has, and the start values of
// the OCPP configuration keys that shape a session.
#pragma once

#include <cstdint>
#include <string>

namespace voltdesk::sim {

/// Autonomous: the charger's day (drivers arrive, charge, leave, faults) runs by itself.
/// Scripted: nothing happens unless the test drives it (plug in, present an idTag, ...).
enum class ChargePointMode : std::uint8_t { Autonomous, Scripted };

enum class UnlockResult : std::uint8_t { Unlocked, UnlockFailed, NotSupported };

/// How UpdateFirmware and SignedUpdateFirmware end.
enum class FirmwareOutcome : std::uint8_t { Installed, DownloadFailed, InstallationFailed, InvalidSignature };

struct ChargePointBehaviour {
    ChargePointMode mode = ChargePointMode::Autonomous;

    // Answers to the central system's CALLs.
    bool acceptRemoteStart = true;
    bool acceptRemoteStop = true;
    bool acceptReset = true;
    bool acceptClearCache = true;
    bool acceptTriggerMessage = true;
    bool acceptCancelReservation = true; ///< false: every CancelReservation is Rejected
    UnlockResult unlockResult = UnlockResult::Unlocked;
    bool fixedCable = false;                            ///< UnlockConnector answers NotSupported
    std::string dataTransferStatus = "UnknownVendorId"; ///< the answer to every DataTransfer

    // Flows with progress notifications.
    FirmwareOutcome firmwareOutcome = FirmwareOutcome::Installed;
    bool diagnosticsUploadFails = false;
    int flowStepMs = 1000; ///< time between two steps of a firmware, diagnostics or log flow
    std::string installedFirmwareVersion = "2.0.0-sim"; ///< reported after a firmware update

    // Optional features.
    bool localListSupported = true;
    bool sendLocalListFails = false; ///< SendLocalList answers Failed
    bool reservationSupported = true;
    bool reserveConnectorZeroSupported = true;
    bool smartChargingSupported = true;
    bool lockFailsOnStart = false; ///< the cable lock fails when a session starts (Faulted, no start)

    // Start values of configuration keys (the central system may change them).
    bool authorizeBeforeStart = true; ///< false: LocalPreAuthorize with every idTag accepted locally
    bool authorizeRemoteTxRequests = true;
    bool allowOfflineTxForUnknownId = false;
    bool localAuthorizeOffline = true;
    bool stopTransactionOnEVSideDisconnect = true;
    bool stopTransactionOnInvalidId = true;
    int connectionTimeOutSeconds = 60; ///< idTag presented (or remote start) without a plug-in
    int meterValueSampleIntervalSeconds = 60;
    int transactionMessageAttempts = 3;
    int transactionMessageRetryIntervalSeconds = 10;
    int securityProfile = 0;
    std::string authorizationKey; ///< the Basic auth password for security profiles 1 and 2
    /// The CSR (PEM) SignCertificate sends; empty: a placeholder, as the simulator holds no key pair.
    std::string certificateSigningRequest;

    // The car.
    double evMaxPowerKw = 0;  ///< 0: whatever the charger can give
    double evBatteryKwh = 60; ///< for SoC on DC
    double evStartSocPercent = 30;

    std::size_t maxQueuedTransactionMessages = 1000; ///< while offline; oldest MeterValues go first
};

} // namespace voltdesk::sim
