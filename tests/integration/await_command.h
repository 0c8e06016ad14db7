// Waits for a console command's end in a test, with the event loop running.
#pragma once

#include "models/command_client.h"

#include <QElapsedTimer>
#include <QTest>
#include <optional>

namespace voltdesk::testing {

/// The call deletes itself right after it finishes, so the result is copied; nullopt on timeout.
inline std::optional<models::CommandResult> awaitCommand(models::CommandCall* call, int timeoutMs) {
    std::optional<models::CommandResult> result;
    QObject::connect(call, &models::CommandCall::finished, call,
                     [&](const models::CommandResult& r) { result = r; });
    QElapsedTimer clock;
    clock.start();
    while (!result && clock.elapsed() < timeoutMs) {
        QTest::qWait(20);
    }
    return result;
}

} // namespace voltdesk::testing
