; Inno Setup script for the Windows installer of the one-folder bundle (packaging/README.md).
; Build the bundle on Windows first (py packaging\build.py), then:
;   iscc /DAppVersion=0.1.0 packaging\windows\fieldnote.iss
; The installer lands in dist\ as FieldnoteSetup-VERSION.exe. Sign the bundle's .exe files
; before this step and the installer after it (signtool, see the README).

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{6B0E3C1D-6F0B-4B55-9D2E-2F1C5A7E9B41}
AppName=Fieldnote
AppVersion={#AppVersion}
AppPublisher=Fieldnote
DefaultDirName={autopf}\Fieldnote
DefaultGroupName=Fieldnote
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=FieldnoteSetup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Per-machine by default (IT rolls it out); /CURRENTUSER installs for one user without admin.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=commandline
UninstallDisplayIcon={app}\fieldnote.exe
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "de"; MessagesFile: "compiler:Languages\German.isl"
Name: "es"; MessagesFile: "compiler:Languages\Spanish.isl"

[Files]
Source: "..\..\dist\fieldnote\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; A machine-wide settings file IT prepared (hub URL, CA bundle, theme), when there is one:
Source: "settings.json"; DestDir: "{commonappdata}\Fieldnote\fieldnote"; Flags: onlyifdoesntexist skipifsourcedoesntexist

[Icons]
Name: "{autoprograms}\Fieldnote"; Filename: "{app}\fieldnote.exe"
Name: "{autodesktop}\Fieldnote"; Filename: "{app}\fieldnote.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Run]
Filename: "{app}\fieldnote.exe"; Description: "{cm:LaunchProgram,Fieldnote}"; Flags: nowait postinstall skipifsilent
