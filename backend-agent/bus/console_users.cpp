#include "bus/console_users.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

namespace voltdesk::bus {

namespace {

std::string text(const nlohmann::json& object, const char* key) {
    const auto it = object.find(key);
    if (it == object.end()) {
        return {};
    }
    if (!it->is_string()) {
        throw std::runtime_error(std::string(key) + " must be text");
    }
    return it->get<std::string>();
}

} // namespace

ConsoleUsers ConsoleUsers::load(const std::string& path) {
    std::ifstream in(path);
    if (!in) {
        throw std::runtime_error("cannot read the console users file " + path);
    }
    std::stringstream content;
    content << in.rdbuf();
    try {
        return parse(content.str());
    } catch (const std::runtime_error& e) {
        throw std::runtime_error(path + ": " + e.what());
    }
}

ConsoleUsers ConsoleUsers::parse(std::string_view json) {
    const auto j = nlohmann::json::parse(json, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        throw std::runtime_error("the console users file is not a JSON object");
    }
    const auto list = j.find("users");
    if (list == j.end() || !list->is_array()) {
        throw std::runtime_error("users must be a list");
    }
    ConsoleUsers users;
    for (const auto& entry : *list) {
        if (!entry.is_object()) {
            throw std::runtime_error("every user must be an object");
        }
        contract::UserProfile profile;
        profile.user = text(entry, "name");
        if (!isValidName(profile.user)) {
            throw std::runtime_error("user name '" + profile.user +
                                     "' must be letters, digits, '.', '_' or '-' only");
        }
        const std::string role = text(entry, "role");
        const auto parsed = contract::roleFromString(role);
        if (!parsed) {
            throw std::runtime_error("user " + profile.user + ": '" + role +
                                     "' is not a role (viewer, dispatcher, operator, supervisor)");
        }
        profile.role = *parsed;
        profile.displayName = text(entry, "displayName");
        if (users.find(profile.user) != nullptr) {
            throw std::runtime_error("user " + profile.user + " is listed twice");
        }
        users.m_users.push_back(std::move(profile));
    }
    return users;
}

bool ConsoleUsers::isValidName(std::string_view name) {
    return !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
               c == '_' || c == '-';
    });
}

const contract::UserProfile* ConsoleUsers::find(std::string_view name) const {
    const auto it =
        std::find_if(m_users.begin(), m_users.end(), [&](const auto& u) { return u.user == name; });
    return it == m_users.end() ? nullptr : &*it;
}

} // namespace voltdesk::bus
