// The console's map: a Qt Location Map with pan and zoom handlers, the charger layer (one C++ item
// for every marker and cluster), a connection badge and a scale bar. MapView (widgets/) sets the properties
// below and then turns `active` on, because a Map's plugin can be chosen only once.
import QtQuick
import QtLocation
import QtPositioning
import Voltdesk.Map

Item {
    id: root

    property string tileServerUrl: ""
    property var markerModel: null
    property bool active: false
    property var selectedChargerIds: []
    property bool stale: false
    property bool dark: false // the dark theme: a dark background for the offline map
    property string connectionText: ""
    property color connectionColor: "#999999"
    property string offlineHint: ""
    property string kilometreFormat: "%1 km"
    property string metreFormat: "%1 m"

    signal chargerClicked(string chargerId)
    signal clusterClicked(point position)
    signal contextClicked(point position)
    signal userInteracted()

    Component {
        id: tilesPlugin
        Plugin {
            name: "osm"
            PluginParameter { name: "osm.mapping.custom.host"; value: root.tileServerUrl }
            // Never ask maps-redirect.qt.io which providers exist: only the configured server is used.
            PluginParameter { name: "osm.mapping.providersrepository.disabled"; value: true }
        }
    }
    Component {
        id: offlinePlugin
        Plugin { name: "itemsoverlay" }
    }

    Loader {
        id: loader
        anchors.fill: parent
        active: root.active
        sourceComponent: Item {
            clip: true

            Map {
                id: map
                objectName: "map"
                anchors.fill: parent
                plugin: (root.tileServerUrl !== "" ? tilesPlugin : offlinePlugin).createObject(map)
                color: root.dark ? "#20262D" : "#EEF1F4"
                copyrightsVisible: root.tileServerUrl !== ""
                center: QtPositioning.coordinate(52.52, 13.405)
                zoomLevel: 11
                minimumZoomLevel: 2
                maximumZoomLevel: 19

                onSupportedMapTypesChanged: {
                    for (let i = 0; i < supportedMapTypes.length; ++i) {
                        if (supportedMapTypes[i].style === MapType.CustomMap) {
                            activeMapType = supportedMapTypes[i]
                            break
                        }
                    }
                }

                // Map has no built-in gestures since Qt 6.5: drag pans, the wheel zooms about the cursor.
                DragHandler {
                    id: drag
                    target: null
                    onTranslationChanged: (delta) => map.pan(-delta.x, -delta.y)
                    onActiveChanged: if (active) root.userInteracted()
                }
                WheelHandler {
                    target: null
                    acceptedDevices: PointerDevice.Mouse | PointerDevice.TouchPad
                    onWheel: (event) => {
                        const anchor = Qt.point(event.x, event.y)
                        const under = map.toCoordinate(anchor, false)
                        const steps = event.angleDelta.y / 120
                        map.zoomLevel = Math.max(map.minimumZoomLevel,
                                                 Math.min(map.maximumZoomLevel, map.zoomLevel + steps * 0.5))
                        if (under.isValid)
                            map.alignCoordinateToPoint(under, anchor)
                        root.userInteracted()
                    }
                }
                TapHandler {
                    onTapped: (eventPoint) => {
                        const id = markers.chargerAt(eventPoint.position)
                        if (id !== "")
                            root.chargerClicked(id)
                        else if (markers.clusterAt(eventPoint.position).length > 0)
                            root.clusterClicked(eventPoint.position)
                    }
                }
                TapHandler {
                    acceptedButtons: Qt.RightButton
                    onTapped: (eventPoint) => root.contextClicked(eventPoint.position)
                }
                Shortcut {
                    sequences: [StandardKey.ZoomIn, "+", "="]
                    onActivated: { map.zoomLevel = Math.min(map.maximumZoomLevel, Math.round(map.zoomLevel + 1)); root.userInteracted() }
                }
                Shortcut {
                    sequences: [StandardKey.ZoomOut, "-"]
                    onActivated: { map.zoomLevel = Math.max(map.minimumZoomLevel, Math.round(map.zoomLevel - 1)); root.userInteracted() }
                }
            }

            ChargerMarkerLayer {
                id: markers
                objectName: "markerLayer"
                map: map
                model: root.markerModel
                selectedChargerIds: root.selectedChargerIds
                stale: root.stale
                graticule: root.tileServerUrl === ""
                darkBackground: root.dark
            }

            // Connection badge: the same words and colour as the status bar, where the eyes are.
            Rectangle {
                objectName: "connectionBadge"
                x: 10; y: 10
                width: badgeRow.implicitWidth + 20
                height: badgeRow.implicitHeight + 12
                radius: height / 2
                color: "#F2FFFFFF"
                border.color: root.connectionColor
                border.width: 2
                Row {
                    id: badgeRow
                    anchors.centerIn: parent
                    spacing: 8
                    Rectangle {
                        width: 12; height: 12; radius: 6
                        anchors.verticalCenter: parent.verticalCenter
                        color: root.connectionColor
                    }
                    Text {
                        text: root.connectionText
                        font.pixelSize: 14
                        font.bold: true
                        color: "#202020"
                    }
                }
            }

            // Scale bar: a round distance about 120 px long at the centre latitude.
            Item {
                id: scaleBar
                x: 12
                anchors.bottom: parent.bottom
                anchors.bottomMargin: 12
                width: scaleLength + 2
                height: 26
                property real metresPerPixel: {
                    map.zoomLevel; map.center; map.width // re-evaluate when the view changes
                    const y = map.height / 2
                    const a = map.toCoordinate(Qt.point(map.width / 2 - 50, y), false)
                    const b = map.toCoordinate(Qt.point(map.width / 2 + 50, y), false)
                    return a.isValid && b.isValid ? a.distanceTo(b) / 100 : 0
                }
                property real metres: {
                    if (metresPerPixel <= 0)
                        return 0
                    const target = metresPerPixel * 120
                    const p = Math.pow(10, Math.floor(Math.log(target) / Math.LN10))
                    const m = target / p
                    return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p
                }
                property real scaleLength: metresPerPixel > 0 ? metres / metresPerPixel : 0
                visible: scaleLength > 0
                Rectangle { anchors.fill: parent; anchors.margins: -4; color: "#CCFFFFFF"; radius: 3 }
                Rectangle { x: 0; y: 18; width: scaleBar.scaleLength; height: 3; color: "#303030" }
                Rectangle { x: 0; y: 12; width: 2; height: 9; color: "#303030" }
                Rectangle { x: scaleBar.scaleLength - 2; y: 12; width: 2; height: 9; color: "#303030" }
                Text {
                    x: 0; y: -2
                    font.pixelSize: 12
                    color: "#303030"
                    text: scaleBar.metres >= 1000 ? root.kilometreFormat.arg(scaleBar.metres / 1000)
                                                  : root.metreFormat.arg(scaleBar.metres)
                }
            }

            Text {
                anchors.right: parent.right
                anchors.top: parent.top
                anchors.margins: 8
                visible: root.offlineHint !== ""
                text: root.offlineHint
                font.pixelSize: 11
                color: "#6B7785"
            }
        }
    }
}
