#include "models/ocpp_error_text.h"

#include <QCoreApplication>

namespace voltdesk::models {

namespace {

struct Explanation {
    const char* code;
    const char* text;
};

// OCPP 1.6 §7.6 ChargePointErrorCode, in the order of the specification.
constexpr Explanation kExplanations[] = {
    {"ConnectorLockFailure",
     QT_TRANSLATE_NOOP("OcppErrorText", "The connector lock failed to lock or unlock: the cable may be "
                                        "stuck or unsecured.")},
    {"EVCommunicationError",
     QT_TRANSLATE_NOOP("OcppErrorText", "The charger could not talk to the vehicle (pilot signal or "
                                        "ISO 15118); the driver can re-plug.")},
    {"GroundFailure", QT_TRANSLATE_NOOP("OcppErrorText", "Earth fault: the residual-current device tripped. "
                                                         "Needs an electrician before reuse.")},
    {"HighTemperature",
     QT_TRANSLATE_NOOP("OcppErrorText", "Too hot: the charger reduced or stopped charging to cool down.")},
    {"InternalError", QT_TRANSLATE_NOOP("OcppErrorText", "Hardware or software failure inside the charger.")},
    {"LocalListConflict", QT_TRANSLATE_NOOP("OcppErrorText", "The charger's local authorization list "
                                                             "disagrees with the central system's answer.")},
    {"OtherError", QT_TRANSLATE_NOOP("OcppErrorText", "Another error; the charger's info and vendor code "
                                                      "say more.")},
    {"OverCurrentFailure",
     QT_TRANSLATE_NOOP("OcppErrorText", "The vehicle drew more current than allowed; charging stopped.")},
    {"OverVoltage", QT_TRANSLATE_NOOP("OcppErrorText", "Grid voltage above the charger's limit.")},
    {"PowerMeterFailure",
     QT_TRANSLATE_NOOP("OcppErrorText", "The energy meter cannot be read: sessions cannot be billed.")},
    {"PowerSwitchFailure",
     QT_TRANSLATE_NOOP("OcppErrorText", "The power contactor failed to switch on or off.")},
    {"ReaderFailure", QT_TRANSLATE_NOOP("OcppErrorText", "The RFID card reader does not work: drivers "
                                                         "cannot start with a card.")},
    {"ResetFailure", QT_TRANSLATE_NOOP("OcppErrorText", "The charger could not carry out a reset.")},
    {"UnderVoltage", QT_TRANSLATE_NOOP("OcppErrorText", "Grid voltage below the charger's limit.")},
    {"WeakSignal", QT_TRANSLATE_NOOP("OcppErrorText", "Weak mobile signal: messages may be late or lost.")},
};

} // namespace

QString ocppErrorText(const QString& errorCode) {
    if (errorCode.isEmpty() || errorCode == QLatin1String("NoError")) {
        return {};
    }
    for (const auto& e : kExplanations) {
        if (errorCode == QLatin1String(e.code)) {
            return QCoreApplication::translate("OcppErrorText", e.text);
        }
    }
    return QCoreApplication::translate("OcppErrorText", "Code reported by the charger: %1").arg(errorCode);
}

} // namespace voltdesk::models
