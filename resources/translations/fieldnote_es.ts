<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en">
<context>
    <name>AddPhotoButton</name>
    <message>
        <source>Add photo…</source>
        <translation>Añadir foto…</translation>
    </message>
    <message>
        <source>Attach photos of the badge, the business card or a whiteboard; they are scaled down and lose their location data</source>
        <translation>Adjunte fotos de la acreditación, la tarjeta de visita o una pizarra; se reducen y pierden sus datos de ubicación</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>Añadir fotos</translation>
    </message>
    <message>
        <source>Photos (%1)</source>
        <translation>Fotos (%1)</translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <source>Accept request</source>
        <translation>Aceptar solicitud</translation>
    </message>
    <message>
        <source>Decline request</source>
        <translation>Rechazar solicitud</translation>
    </message>
    <message>
        <source>Deliver request</source>
        <translation>Entregar solicitud</translation>
    </message>
    <message>
        <source>Answer request</source>
        <translation>Responder solicitud</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Solicitud</translation>
    </message>
    <message>
        <source>Published item</source>
        <translation>Material publicado</translation>
    </message>
    <message>
        <source>Your reply to the rep</source>
        <translation>Su respuesta al comercial</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>Publish the item first, then link it here.</source>
        <translation>Publique primero el material y después enlácelo aquí.</translation>
    </message>
</context>
<context>
    <name>AttentionModel</name>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Refused by the hub</source>
        <translation>Rechazado por el hub</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>Person&apos;s data exported</source>
        <translation>Datos de una persona exportados</translation>
    </message>
    <message>
        <source>Person erased</source>
        <translation>Persona borrada</translation>
    </message>
    <message>
        <source>Consent wording changed</source>
        <translation>Texto de consentimiento cambiado</translation>
    </message>
    <message>
        <source>User added</source>
        <translation>Usuario añadido</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>Rol cambiado</translation>
    </message>
    <message>
        <source>User disabled</source>
        <translation>Usuario desactivado</translation>
    </message>
    <message>
        <source>User enabled</source>
        <translation>Usuario activado</translation>
    </message>
    <message>
        <source>Leads exported</source>
        <translation>Leads exportados</translation>
    </message>
    <message>
        <source>Erased by retention</source>
        <translation>Borrado por plazo de conservación</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>Ajuste cambiado</translation>
    </message>
    <message>
        <source>hub command</source>
        <translation>comando del hub</translation>
    </message>
    <message>
        <source>app, through the hub</source>
        <translation>aplicación, a través del hub</translation>
    </message>
    <message>
        <source>device</source>
        <translation>dispositivo</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>What was done with people&apos;s data, newest first: exports and erasures, consent wording and user changes, settings, and every export of leads made on a device. Entries cannot be changed.</source>
        <translation>Lo que se hizo con los datos de las personas, lo más reciente primero: exportaciones y borrados, cambios de textos de consentimiento y de usuarios, ajustes y cada exportación de leads hecha en un dispositivo. Las entradas no se pueden cambiar.</translation>
    </message>
    <message>
        <source>Show entries of this action</source>
        <translation>Mostrar entradas de esta acción</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Todas las acciones</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Only entries since a day</source>
        <translation>Solo entradas desde un día</translation>
    </message>
    <message>
        <source>First day shown</source>
        <translation>Primer día mostrado</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Fetch the audit log again</source>
        <translation>Volver a obtener el registro de auditoría</translation>
    </message>
    <message>
        <source>Audit log entries</source>
        <translation>Entradas del registro de auditoría</translation>
    </message>
    <message>
        <source>Audit log status</source>
        <translation>Estado del registro de auditoría</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entrada</numerusform>
            <numerusform>%n entradas</numerusform>
        </translation>
    </message>
    <message>
        <source>Not loaded: %1</source>
        <translation>No cargado: %1</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message numerus="yes">
        <source>%n items</source>
        <translation>
            <numerusform>%n elemento</numerusform>
            <numerusform>%n elementos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BoothBoard</name>
    <message>
        <source>Booth board</source>
        <translation>Panel del stand</translation>
    </message>
    <message>
        <source>Booth staff</source>
        <translation>Personal del stand</translation>
    </message>
    <message>
        <source>This event has no goals yet. Marketing sets them in the event editor.</source>
        <translation>Este evento aún no tiene objetivos. Marketing los define en el editor de eventos.</translation>
    </message>
</context>
<context>
    <name>CameraFrames</name>
    <message>
        <source>This computer cannot use a camera (camera support is missing).</source>
        <translation>Este equipo no puede usar una cámara (falta el soporte de cámara).</translation>
    </message>
    <message>
        <source>That camera is not connected any more; choose another.</source>
        <translation>Esa cámara ya no está conectada; elija otra.</translation>
    </message>
    <message>
        <source>Camera access is denied. Allow Fieldnote to use the camera in the system&apos;s privacy settings, then try again.</source>
        <translation>Se ha denegado el acceso a la cámara. Permita que Fieldnote use la cámara en la configuración de privacidad del sistema y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The camera cannot be used (%1). Is another app using it?</source>
        <translation>No se puede usar la cámara (%1). ¿La está usando otra aplicación?</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>sin motivo indicado</translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <source>Camera preview</source>
        <translation>Vista previa de la cámara</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <source>Turn camera off</source>
        <translation>Apagar la cámara</translation>
    </message>
    <message>
        <source>Hold the badge&apos;s code up to the camera.</source>
        <translation>Acerque el código de la acreditación a la cámara.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Read. Hold up the next badge.</source>
        <translation>Leído. Acerque la siguiente acreditación.</translation>
    </message>
</context>
<context>
    <name>CapturePanel</name>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Escaneo</translation>
    </message>
    <message>
        <source>Scan a badge, paste a vCard, or type an email or badge number, then Enter</source>
        <translation>Escanee una acreditación, pegue una vCard o escriba un correo o número de acreditación y pulse Intro</translation>
    </message>
    <message>
        <source>Badge photo…</source>
        <translation>Foto de acreditación…</translation>
    </message>
    <message>
        <source>Read a QR, PDF417, Code 128 or DataMatrix code from a photo (or drop one here)</source>
        <translation>Leer un código QR, PDF417, Code 128 o DataMatrix de una foto (o suéltela aquí)</translation>
    </message>
    <message>
        <source>Merge into it</source>
        <translation>Fusionar</translation>
    </message>
    <message>
        <source>Open it</source>
        <translation>Abrirlo</translation>
    </message>
    <message>
        <source>Save as new</source>
        <translation>Guardar como nuevo</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <source>Open held visitor</source>
        <translation>Abrir visitante en espera</translation>
    </message>
    <message>
        <source>Open the oldest held visitor</source>
        <translation>Abrir el visitante en espera más antiguo</translation>
    </message>
    <message>
        <source>Discard it…</source>
        <translation>Descartarlo…</translation>
    </message>
    <message>
        <source>Discard the oldest held visitor</source>
        <translation>Descartar el visitante en espera más antiguo</translation>
    </message>
    <message>
        <source>The scan as it came, saved whole with the lead</source>
        <translation>El escaneo tal como llegó, guardado entero con el lead</translation>
    </message>
    <message>
        <source>Scan as received</source>
        <translation>Escaneo recibido</translation>
    </message>
    <message>
        <source>Collateral chosen to send</source>
        <translation>Material elegido para enviar</translation>
    </message>
    <message>
        <source>May we contact you?</source>
        <translation>¿Podemos contactarle?</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <source>Read to the visitor (wording %1): %2</source>
        <translation>Leer al visitante (redacción %1): %2</translation>
    </message>
    <message>
        <source>Marketing follow-up</source>
        <translation>Seguimiento de marketing</translation>
    </message>
    <message>
        <source>Needs the visitor&apos;s consent to be contacted</source>
        <translation>Requiere el consentimiento del visitante para contactarle</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>not enough to save yet</source>
        <translation>aún no hay suficiente para guardar</translation>
    </message>
    <message>
        <source>Could not read this scan; it is shown under “Scan as received” and kept whole with the lead. Type the name and email.</source>
        <translation>No se pudo leer este escaneo; se muestra en «Escaneo recibido» y se guarda entero con el lead. Escriba el nombre y el correo.</translation>
    </message>
    <message>
        <source>already captured at this event; open it to merge</source>
        <translation>ya captado en este evento; ábralo para fusionar</translation>
    </message>
    <message>
        <source>%1 is held, not saved (%2).</source>
        <translation>%1 está en espera, sin guardar (%2).</translation>
    </message>
    <message>
        <source>Marketing follow-up needs the visitor&apos;s consent: tick “May we contact you?” or clear follow-up.</source>
        <translation>El seguimiento de marketing requiere el consentimiento del visitante: marque «¿Podemos contactarle?» o quite el seguimiento.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Saved %1, to qualify later. Next visitor.</source>
        <translation>%1 guardado, para calificar después. Siguiente visitante.</translation>
    </message>
    <message>
        <source>Could not save %2 (%1); they are held above the form.</source>
        <translation>No se pudo guardar a %2 (%1); queda en espera encima del formulario.</translation>
    </message>
    <message>
        <source>The voice note was added to the lead saved while it was recording.</source>
        <translation>La nota de voz se añadió al lead guardado mientras se grababa.</translation>
    </message>
    <message>
        <source>Could not keep the unsaved visitor on disk: %1</source>
        <translation>No se pudo conservar en disco el visitante sin guardar: %1</translation>
    </message>
    <message>
        <source>Opened %1, not saved yet. Enter saves.</source>
        <translation>%1 abierto, aún sin guardar. Intro guarda.</translation>
    </message>
    <message>
        <source>Discard held visitor?</source>
        <translation>¿Descartar el visitante en espera?</translation>
    </message>
    <message>
        <source>Throw away %1? What was typed or scanned cannot be brought back.</source>
        <translation>¿Descartar a %1? Lo escrito o escaneado no se podrá recuperar.</translation>
    </message>
    <message>
        <source>This visitor is not saved yet, so Ctrl+Z does not replace them. Enter saves; Esc sets them aside.</source>
        <translation>Este visitante aún no está guardado, así que Ctrl+Z no lo sustituye. Intro guarda; Esc lo deja en espera.</translation>
    </message>
    <message>
        <source>Brought back %1.</source>
        <translation>%1 recuperado.</translation>
    </message>
    <message>
        <source>Set %1 aside; Ctrl+Z brings them back.</source>
        <translation>%1 queda en espera; Ctrl+Z lo recupera.</translation>
    </message>
    <message>
        <source>Quick scan · each scan is saved at once as a lead to qualify later · untick Quick scan to type or qualify</source>
        <translation>Escaneo rápido · cada escaneo se guarda al instante como lead para calificar después · desmarque Escaneo rápido para escribir o calificar</translation>
    </message>
    <message>
        <source>Qualifying quick scans · %1 jumps to the rubric · Enter saves and opens the next · Skip leaves this visitor for later</source>
        <translation>Calificando escaneos rápidos · %1 salta a la rúbrica · Intro guarda y abre el siguiente · Omitir deja este visitante para después</translation>
    </message>
    <message>
        <source>Editing a saved lead · Enter saves the changes · %1 jumps to the rubric · Esc leaves it</source>
        <translation>Editando un lead guardado · Intro guarda · %1: rúbrica · Esc sale</translation>
    </message>
    <message>
        <source>Enter saves · %1 jumps to the rubric · Ctrl+Z reopens the last lead · Esc sets the visitor aside</source>
        <translation>Intro guarda · %1: rúbrica · Ctrl+Z: último lead · Esc deja en espera</translation>
    </message>
    <message>
        <source>This event has no qualification rubric.</source>
        <translation>Este evento no tiene rúbrica de cualificación.</translation>
    </message>
    <message>
        <source>Products, comma separated</source>
        <translation>Productos, separados por comas</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>Intereses</translation>
    </message>
    <message>
        <source>Type to add approved collateral</source>
        <translation>Escriba para añadir material comercial aprobado</translation>
    </message>
    <message>
        <source>Collateral to send</source>
        <translation>Material para enviar</translation>
    </message>
    <message>
        <source>Delete removes the selected item</source>
        <translation>Supr quita el elemento seleccionado</translation>
    </message>
    <message>
        <source>Notes (Ctrl+Enter saves)</source>
        <translation>Notas (Ctrl+Intro guarda)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Badge id</source>
        <translation>N.º de acreditación</translation>
    </message>
    <message>
        <source>The scan</source>
        <translation>El escaneo</translation>
    </message>
    <message>
        <source>Quick scan</source>
        <translation>Escaneo rápido</translation>
    </message>
    <message>
        <source>Each scan is saved at once as a lead to qualify later: one keystroke per visitor</source>
        <translation>Cada escaneo se guarda al instante como lead para calificar después: una tecla por visitante</translation>
    </message>
    <message>
        <source>Qualify the quick scans of this event</source>
        <translation>Calificar los escaneos rápidos de este evento</translation>
    </message>
    <message>
        <source>Walk through this event&apos;s quick scans with the rubric, oldest first</source>
        <translation>Recorrer los escaneos rápidos de este evento con la rúbrica, los más antiguos primero</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Omitir</translation>
    </message>
    <message>
        <source>Skip this visitor for now</source>
        <translation>Omitir este visitante por ahora</translation>
    </message>
    <message>
        <source>Stop qualifying</source>
        <translation>Dejar de calificar</translation>
    </message>
    <message>
        <source>Email collateral to the visitor…</source>
        <translation>Enviar material por correo al visitante…</translation>
    </message>
    <message>
        <source>Voice and photos</source>
        <translation>Voz y fotos</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>Cualificación</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vaciar</translation>
    </message>
    <message>
        <source>Sets the visitor aside as a held draft (Ctrl+Z brings it back)</source>
        <translation>Deja el visitante en espera como borrador (Ctrl+Z lo recupera)</translation>
    </message>
    <message>
        <source>Save lead</source>
        <translation>Guardar lead</translation>
    </message>
    <message>
        <source>(no event)</source>
        <translation>(sin evento)</translation>
    </message>
    <message>
        <source>%1 today</source>
        <translation>%1 hoy</translation>
    </message>
    <message>
        <source>  ·  %1 at this event</source>
        <translation>  ·  %1 en este evento</translation>
    </message>
    <message>
        <source>Quick scan: each scan is saved at once, to qualify later.</source>
        <translation>Escaneo rápido: cada escaneo se guarda al instante, para calificar después.</translation>
    </message>
    <message>
        <source>%1 is already at this event; nothing was saved.</source>
        <translation>%1 ya está en este evento; no se guardó nada.</translation>
    </message>
    <message numerus="yes">
        <source>To qualify: %n</source>
        <translation>
            <numerusform>Por calificar: %n</numerusform>
            <numerusform>Por calificar: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped visitor(s) still wait to be qualified.</source>
        <translation>
            <numerusform>%n visitante omitido aún espera ser calificado.</numerusform>
            <numerusform>%n visitantes omitidos aún esperan ser calificados.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every quick scan of this event is qualified.</source>
        <translation>Todos los escaneos rápidos de este evento están calificados.</translation>
    </message>
    <message numerus="yes">
        <source>To qualify: %n left, oldest first.</source>
        <translation>
            <numerusform>Por calificar: queda %n, los más antiguos primero.</numerusform>
            <numerusform>Por calificar: quedan %n, los más antiguos primero.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, scanned %2. Answer the rubric; Enter saves and opens the next.</source>
        <translation>%1, escaneado %2. Responda la rúbrica; Intro guarda y abre el siguiente.</translation>
    </message>
    <message>
        <source>only a scan that could not be read</source>
        <translation>solo un escaneo que no se pudo leer</translation>
    </message>
    <message>
        <source>Read %1: %2</source>
        <translation>Leído %1: %2</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <source>No camera found</source>
        <translation>Sin cámara</translation>
    </message>
    <message>
        <source>Read badges with the camera: hold the code up, it is scanned at once</source>
        <translation>Leer acreditaciones con la cámara: acerque el código y se escanea al instante</translation>
    </message>
    <message>
        <source>Connect a camera to scan badges with it</source>
        <translation>Conecte una cámara para escanear acreditaciones con ella</translation>
    </message>
    <message>
        <source>Badge or card photo</source>
        <translation>Foto de acreditación o tarjeta</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>Imágenes (%1)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Leyendo %1…</translation>
    </message>
    <message>
        <source>No QR, PDF417, Code 128 or DataMatrix code found in %1. Type the details instead.</source>
        <translation>No se encontró ningún código QR, PDF417, Code 128 o DataMatrix en %1. Escriba los datos a mano.</translation>
    </message>
    <message>
        <source>Already a customer</source>
        <translation>Ya es cliente</translation>
    </message>
    <message>
        <source>Already a lead</source>
        <translation>Ya es un lead</translation>
    </message>
    <message>
        <source>team %1</source>
        <translation>equipo %1</translation>
    </message>
    <message>
        <source>last activity %1</source>
        <translation>última actividad %1</translation>
    </message>
    <message>
        <source>(as of the last sync)</source>
        <translation>(según la última sincronización)</translation>
    </message>
    <message>
        <source>Possibly already captured: %1, %2 (%3).</source>
        <translation>Posiblemente ya captado: %1, %2 (%3).</translation>
    </message>
    <message>
        <source>%1 characters: %2 more than a lead holds. Shorten the notes to save.</source>
        <translation>%1 caracteres: %2 más de los que admite un lead. Acorte las notas para guardar.</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 de %2 caracteres</translation>
    </message>
    <message>
        <source>Save the visitor first; then email them approved collateral with a note</source>
        <translation>Guarde primero al visitante; luego envíele material aprobado con una nota</translation>
    </message>
    <message>
        <source>Email approved collateral to %1 with a note from you; it goes at the next sync</source>
        <translation>Enviar material aprobado a %1 con una nota suya; sale en la próxima sincronización</translation>
    </message>
    <message>
        <source>Queued for %1: the email goes at the next sync.</source>
        <translation>En cola para %1: el correo sale en la próxima sincronización.</translation>
    </message>
    <message>
        <source>Email as typed (not a valid address): %1</source>
        <translation>Correo tal como se escribió (dirección no válida): %1</translation>
    </message>
    <message>
        <source>%1 is %2 characters; at most %3 fit.</source>
        <translation>%1 tiene %2 caracteres; caben como máximo %3.</translation>
    </message>
    <message>
        <source>%1 is %2 characters; at most %3 fit (%4 too many).</source>
        <translation>%1 tiene %2 caracteres; caben como máximo %3 (%4 de más).</translation>
    </message>
    <message>
        <source>An interest is longer than %1 characters.</source>
        <translation>Un interés supera los %1 caracteres.</translation>
    </message>
    <message>
        <source>Nothing to save yet: scan a badge or type a name.</source>
        <translation>Aún no hay nada que guardar: escanee una acreditación o escriba un nombre.</translation>
    </message>
    <message>
        <source>Nothing was saved or cut; shorten and press Enter again.</source>
        <translation>No se guardó ni recortó nada; acorte y pulse Intro de nuevo.</translation>
    </message>
    <message>
        <source>Add a last name, an email, a phone number or scan a badge before saving.</source>
        <translation>Antes de guardar, añada un apellido, un correo o un teléfono, o escanee una acreditación.</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>Guardando %1…</translation>
    </message>
    <message>
        <source>, qualified</source>
        <translation>, cualificado</translation>
    </message>
    <message>
        <source>Saved %1%2. Ctrl+Z reopens it.</source>
        <translation>Guardado %1%2. Ctrl+Z lo reabre.</translation>
    </message>
    <message>
        <source>Not saved: %1. The lead is back in the form.</source>
        <translation>No guardado: %1. El lead vuelve a estar en el formulario.</translation>
    </message>
    <message>
        <source>Already at this event (%1): %2, captured %3. Merge this scan into it?</source>
        <translation>Ya está en este evento (%1): %2, captado %3. ¿Fusionar este escaneo con él?</translation>
    </message>
    <message>
        <source>Merging into the existing lead…</source>
        <translation>Fusionando con el lead existente…</translation>
    </message>
    <message>
        <source>Opened the existing lead with this scan merged in; Enter saves.</source>
        <translation>Se abrió el lead existente con este escaneo fusionado; Intro guarda.</translation>
    </message>
    <message numerus="yes">
        <source>Held, not saved yet (%n): %1</source>
        <translation>
            <numerusform>En espera, aún sin guardar (%n): %1</numerusform>
            <numerusform>En espera, aún sin guardar (%n): %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No lead saved in this session yet.</source>
        <translation>Aún no se ha guardado ningún lead en esta sesión.</translation>
    </message>
    <message>
        <source>The last lead is no longer there.</source>
        <translation>El último lead ya no existe.</translation>
    </message>
    <message>
        <source>Reopened %1. Enter saves the changes.</source>
        <translation>%1 reabierto. Intro guarda los cambios.</translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Obsoleto</translation>
    </message>
    <message>
        <source>📌 Offline</source>
        <translation>📌 Sin conexión</translation>
    </message>
    <message>
        <source>✓ Offline</source>
        <translation>✓ Sin conexión</translation>
    </message>
    <message>
        <source>↓ %1%</source>
        <translation>↓ %1 %</translation>
    </message>
    <message>
        <source>Not downloaded</source>
        <translation>No descargado</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Table</source>
        <translation>Tabla</translation>
    </message>
    <message>
        <source>Show the numbers behind this chart</source>
        <translation>Mostrar las cifras de este gráfico</translation>
    </message>
    <message>
        <source>%1 chart</source>
        <translation>Gráfico %1</translation>
    </message>
    <message>
        <source>%1 table</source>
        <translation>Tabla %1</translation>
    </message>
    <message>
        <source>Show %1 as a chart</source>
        <translation>Mostrar %1 como gráfico</translation>
    </message>
    <message>
        <source>Show %1 as a table</source>
        <translation>Mostrar %1 como tabla</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Gráfico</translation>
    </message>
    <message>
        <source>No data in this selection</source>
        <translation>No hay datos en esta selección</translation>
    </message>
</context>
<context>
    <name>CollateralFiles</name>
    <message>
        <source>This file is not on this computer yet. It downloads at the next sync while you are online and signed in.</source>
        <translation>Este archivo aún no está en este equipo. Se descargará en la próxima sincronización si tiene conexión y ha iniciado sesión.</translation>
    </message>
    <message>
        <source>The download was stopped.</source>
        <translation>La descarga se detuvo.</translation>
    </message>
</context>
<context>
    <name>CollateralPage</name>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Región</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Collateral</source>
        <translation>Material comercial</translation>
    </message>
    <message>
        <source>Approved material, searchable and ready offline</source>
        <translation>Material aprobado, con búsqueda y disponible sin conexión</translation>
    </message>
    <message>
        <source>Request material…</source>
        <translation>Solicitar material…</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Solicitudes</translation>
    </message>
    <message>
        <source>My requests</source>
        <translation>Mis solicitudes</translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>Publicar…</translation>
    </message>
    <message>
        <source>Files…</source>
        <translation>Archivos…</translation>
    </message>
    <message>
        <source>A whole folder…</source>
        <translation>Una carpeta entera…</translation>
    </message>
    <message>
        <source>Propose material…</source>
        <translation>Proponer material…</translation>
    </message>
    <message>
        <source>Send your own one-pager or deck to marketing for review; other reps get it once it is approved</source>
        <translation>Envíe su propia ficha o presentación a marketing para revisión; los demás comerciales la reciben cuando se aprueba</translation>
    </message>
    <message>
        <source>Search titles, summaries, tags and the words inside files…  (Ctrl+F)</source>
        <translation>Buscar en títulos, resúmenes, etiquetas y el texto de los archivos…  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search collateral</source>
        <translation>Buscar material comercial</translation>
    </message>
    <message>
        <source>Best match</source>
        <translation>Más relevantes</translation>
    </message>
    <message>
        <source>Newest</source>
        <translation>Más recientes</translation>
    </message>
    <message>
        <source>Most used</source>
        <translation>Más usados</translation>
    </message>
    <message>
        <source>Best rated</source>
        <translation>Mejor valorados</translation>
    </message>
    <message>
        <source>Sort by</source>
        <translation>Ordenar por</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Aprobado</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>En revisión</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Borradores</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Retirado</translation>
    </message>
    <message>
        <source>Everything current</source>
        <translation>Todo lo vigente</translation>
    </message>
    <message>
        <source>Proposals</source>
        <translation>Propuestas</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Obsoleto</translation>
    </message>
    <message>
        <source>My proposals</source>
        <translation>Mis propuestas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>New since last visit</source>
        <translation>Nuevo desde la última visita</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>Switch between cards and a list</source>
        <translation>Cambiar entre tarjetas y lista</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Approved items not verified for this long are flagged stale; every marketer&apos;s library uses it</source>
        <translation>El material aprobado sin verificar durante este tiempo se marca como obsoleto; se aplica a la biblioteca de todo marketing</translation>
    </message>
    <message>
        <source>Drop files or a folder here to publish them.</source>
        <translation>Suelte aquí archivos o una carpeta para publicarlos.</translation>
    </message>
    <message>
        <source>Collateral library</source>
        <translation>Biblioteca de material comercial</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Todos los tipos</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Cualquiera</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n elemento</numerusform>
            <numerusform>%n elementos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new since your last visit</source>
        <translation>
            <numerusform>%n nuevo desde su última visita</numerusform>
            <numerusform>%n nuevos desde su última visita</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing matches “%1”. Try fewer words, or ask marketing for it with Request material.</source>
        <translation>Nada coincide con «%1». Pruebe con menos palabras o pídalo a marketing con Solicitar material.</translation>
    </message>
    <message>
        <source>No collateral yet. It arrives with the next sync; marketing publishes it from here.</source>
        <translation>Aún no hay material comercial. Llegará con la próxima sincronización; marketing lo publica desde aquí.</translation>
    </message>
    <message>
        <source>Nothing here with these filters.</source>
        <translation>No hay nada con estos filtros.</translation>
    </message>
    <message>
        <source>you</source>
        <translation>usted</translation>
    </message>
    <message>
        <source>a rep</source>
        <translation>un comercial</translation>
    </message>
    <message>
        <source>Proposed by %1</source>
        <translation>Propuesto por %1</translation>
    </message>
    <message>
        <source>Declined: %1</source>
        <translation>Rechazado: %1</translation>
    </message>
    <message>
        <source>Marketing&apos;s comment: %1</source>
        <translation>Comentario de marketing: %1</translation>
    </message>
    <message>
        <source>Last verified %1</source>
        <translation>Verificado por última vez el %1</translation>
    </message>
    <message>
        <source>Stale: not verified since %1</source>
        <translation>Obsoleto: sin verificar desde %1</translation>
    </message>
    <message>
        <source>Stale: unused since %1</source>
        <translation>Obsoleto: sin uso desde %1</translation>
    </message>
    <message numerus="yes">
        <source>Stale after %n day(s)…</source>
        <translation>
            <numerusform>Obsoleto tras %n día…</numerusform>
            <numerusform>Obsoleto tras %n días…</numerusform>
        </translation>
    </message>
    <message>
        <source>Verification period</source>
        <translation>Periodo de verificación</translation>
    </message>
    <message>
        <source>Flag approved items as stale when not verified for this many days:</source>
        <translation>Marcar el material aprobado como obsoleto si no se verifica en este número de días:</translation>
    </message>
    <message>
        <source>Not signed in to a hub: the period is a hub setting.</source>
        <translation>No ha iniciado sesión en un hub: el periodo es un ajuste del hub.</translation>
    </message>
    <message>
        <source>Propose material</source>
        <translation>Proponer material</translation>
    </message>
    <message>
        <source>Declined; the rep sees your comment after the next sync.</source>
        <translation>Rechazado; el comercial verá su comentario tras la próxima sincronización.</translation>
    </message>
    <message>
        <source>Decline proposal</source>
        <translation>Rechazar propuesta</translation>
    </message>
    <message>
        <source>Why is “%1” declined? The rep reads this.</source>
        <translation>¿Por qué se rechaza «%1»? El comercial lo leerá.</translation>
    </message>
    <message>
        <source>Nothing declined: say why, so the rep can fix it.</source>
        <translation>No se ha rechazado nada: indique el motivo para que el comercial pueda corregirlo.</translation>
    </message>
    <message>
        <source>Saved; it goes to the hub at the next sync.</source>
        <translation>Guardado; el cambio llega al hub en la próxima sincronización.</translation>
    </message>
    <message>
        <source>Marked as verified today.</source>
        <translation>Marcado como verificado hoy.</translation>
    </message>
    <message>
        <source>Your proposal is withdrawn.</source>
        <translation>Su propuesta se ha retirado.</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Retirar</translation>
    </message>
    <message>
        <source>Withdraw your proposal “%1”?</source>
        <translation>¿Retirar su propuesta «%1»?</translation>
    </message>
    <message>
        <source>Sent to marketing for review again at the next sync.</source>
        <translation>Se enviará de nuevo a marketing para revisión en la próxima sincronización.</translation>
    </message>
    <message>
        <source>No program on this computer opens %1 files.</source>
        <translation>Ningún programa de este equipo abre archivos %1.</translation>
    </message>
    <message>
        <source>Lead: %1</source>
        <translation>Lead: %1</translation>
    </message>
    <message>
        <source>Debrief: %1 (%2)</source>
        <translation>Informe: %1 (%2)</translation>
    </message>
    <message>
        <source>Hello %1,

as promised, here is %2.

(Attached: %3)
</source>
        <translation>Hola %1:

como le prometí, aquí tiene %2.

(Adjunto: %3)
</translation>
    </message>
    <message>
        <source>Thanks, your rating is saved.</source>
        <translation>Gracias, su valoración se ha guardado.</translation>
    </message>
    <message>
        <source>Your comment is saved.</source>
        <translation>Su comentario se ha guardado.</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>Retirar</translation>
    </message>
    <message>
        <source>Retire “%1”? Reps lose it at their next sync.</source>
        <translation>¿Retirar «%1»? Los comerciales lo perderán en su próxima sincronización.</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>A revisión</translation>
    </message>
    <message>
        <source>“%1” is now %2.</source>
        <translation>Estado de «%1»: %2.</translation>
    </message>
    <message>
        <source>Undone: the earlier status is back (a change that syncs).</source>
        <translation>Deshecho: vuelve el estado anterior (un cambio que se sincroniza).</translation>
    </message>
    <message>
        <source>Publish files</source>
        <translation>Publicar archivos</translation>
    </message>
    <message>
        <source>Publish a folder</source>
        <translation>Publicar una carpeta</translation>
    </message>
    <message>
        <source>The new version&apos;s file</source>
        <translation>El archivo de la nueva versión</translation>
    </message>
    <message>
        <source>None of these is a file the library holds (PDF, slides, documents, spreadsheets, images, videos).</source>
        <translation>Ninguno es un archivo que la biblioteca admita (PDF, diapositivas, documentos, hojas de cálculo, imágenes, vídeos).</translation>
    </message>
    <message numerus="yes">
        <source>%n proposal(s) sent to marketing at the next sync; see them under My proposals.</source>
        <translation>
            <numerusform>%n propuesta se enviará a marketing en la próxima sincronización; véala en Mis propuestas.</numerusform>
            <numerusform>%n propuestas se enviarán a marketing en la próxima sincronización; véalas en Mis propuestas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) published; the files go to the hub at the next sync.</source>
        <translation>
            <numerusform>%n elemento publicado; los archivos van al hub en la próxima sincronización.</numerusform>
            <numerusform>%n elementos publicados; los archivos van al hub en la próxima sincronización.</numerusform>
        </translation>
    </message>
    <message>
        <source>Request sent to marketing at the next sync.</source>
        <translation>La solicitud llegará a marketing en la próxima sincronización.</translation>
    </message>
    <message>
        <source>“%1” was retired or expired and is no longer offered.</source>
        <translation>«%1» se retiró o caducó y ya no se ofrece.</translation>
    </message>
    <message>
        <source>New request for material: “%1”</source>
        <translation>Nueva solicitud de material: «%1»</translation>
    </message>
    <message>
        <source>New proposal to review: “%1”</source>
        <translation>Nueva propuesta para revisar: «%1»</translation>
    </message>
    <message>
        <source>Your proposal %1</source>
        <translation>Su propuesta %1</translation>
    </message>
    <message>
        <source>Your request %1</source>
        <translation>Su solicitud %1</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more.</source>
        <translation>
            <numerusform>…y %n más.</numerusform>
            <numerusform>…y %n más.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Tarjetas</translation>
    </message>
</context>
<context>
    <name>CollateralTab</name>
    <message>
        <source>Most used</source>
        <translation>Más usados</translation>
    </message>
    <message>
        <source>Helped in debriefs: top and bottom</source>
        <translation>Útil según los informes: mejores y peores</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Valoraciones</translation>
    </message>
    <message>
        <source>Deals it was used in</source>
        <translation>Ventas en las que se usó</translation>
    </message>
    <message>
        <source>Stale: nobody used it in 90 days</source>
        <translation>Obsoleto: nadie lo usó en 90 días</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Solicitudes</translation>
    </message>
    <message>
        <source>Every item</source>
        <translation>Todos los elementos</translation>
    </message>
    <message>
        <source>Opened by visitors</source>
        <translation>Abierto por visitantes</translation>
    </message>
    <message>
        <source>Opened by visitors, per event</source>
        <translation>Abierto por visitantes, por evento</translation>
    </message>
    <message>
        <source>Opens</source>
        <translation>Aperturas</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>Envíos</translation>
    </message>
    <message>
        <source>Presentations</source>
        <translation>Presentaciones</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Elemento</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>Usos</translation>
    </message>
    <message>
        <source>Helped</source>
        <translation>Ayudó</translation>
    </message>
    <message>
        <source>Not helped</source>
        <translation>No ayudó</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Valoración</translation>
    </message>
    <message>
        <source>top</source>
        <translation>mejores</translation>
    </message>
    <message>
        <source>bottom</source>
        <translation>peores</translation>
    </message>
    <message>
        <source>Average rating</source>
        <translation>Valoración media</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Ganado</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Perdido</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abiertas</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Ventas</translation>
    </message>
    <message>
        <source>Won amount</source>
        <translation>Importe ganado</translation>
    </message>
    <message>
        <source>Stale items</source>
        <translation>Elementos obsoletos</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Último uso</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message numerus="yes">
        <source>Stale: nobody used it in 90 days (%n)</source>
        <translation>
            <numerusform>Obsoleto: nadie lo usó en 90 días (%n)</numerusform>
            <numerusform>Obsoletos: nadie los usó en 90 días (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Requests: %1 open, median turnaround %2 days</source>
        <translation>Solicitudes: %1 abiertas, plazo mediano de respuesta %2 días</translation>
    </message>
    <message>
        <source>Open request</source>
        <translation>Abrir solicitud</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Needed by</source>
        <translation>Necesario para</translation>
    </message>
    <message>
        <source>Age (days)</source>
        <translation>Antigüedad (días)</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Vencida</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Mailed</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>Median hours to first open</source>
        <translation>Mediana de horas hasta la primera apertura</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
</context>
<context>
    <name>CollateralUsedEdit</name>
    <message>
        <source>Find collateral from the library</source>
        <translation>Buscar material en la biblioteca</translation>
    </message>
    <message>
        <source>Find collateral from the library…</source>
        <translation>Buscar material en la biblioteca…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>(not in the library on this device)</source>
        <translation>(no está en la biblioteca de este dispositivo)</translation>
    </message>
</context>
<context>
    <name>ConflictModel</name>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Yours (kept)</source>
        <translation>Suyo (conservado)</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Del otro</translation>
    </message>
</context>
<context>
    <name>ConflictView</name>
    <message>
        <source>Conflicts</source>
        <translation>Conflictos</translation>
    </message>
    <message>
        <source>No conflicts. When the same field is changed on two devices, it shows up here.</source>
        <translation>No hay conflictos. Cuando el mismo campo cambia en dos dispositivos, aparece aquí.</translation>
    </message>
    <message>
        <source>Keep yours</source>
        <translation>Conservar el suyo</translation>
    </message>
    <message>
        <source>Use theirs</source>
        <translation>Usar el del otro</translation>
    </message>
    <message>
        <source>The choice could not be saved: %1</source>
        <translation>No se pudo guardar la elección: %1</translation>
    </message>
</context>
<context>
    <name>CrmOutcomesDialog</name>
    <message>
        <source>Outcomes from a CRM report</source>
        <translation>Resultados de un informe del CRM</translation>
    </message>
    <message>
        <source>Export a report from Salesforce or HubSpot with the Fieldnote ID (or Email) column and its status columns, then choose it here. Nothing is written before you press Record.</source>
        <translation>Exporte un informe de Salesforce o HubSpot con la columna Fieldnote ID (o Email) y sus columnas de estado, y elíjalo aquí. No se guarda nada hasta que pulse Registrar.</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Ningún archivo elegido</translation>
    </message>
    <message>
        <source>Choose report…</source>
        <translation>Elegir informe…</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Informe</translation>
    </message>
    <message>
        <source>Tell from the columns</source>
        <translation>Deducir de las columnas</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Outcomes to record</source>
        <translation>Resultados por registrar</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Rows not used</source>
        <translation>Filas no usadas</translation>
    </message>
    <message>
        <source>Rows that match no lead, unknown values and unreadable rows are listed here.</source>
        <translation>Aquí aparecen las filas sin lead correspondiente, los valores desconocidos y las filas ilegibles.</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registrar</translation>
    </message>
    <message>
        <source>CRM report</source>
        <translation>Informe del CRM</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Archivos CSV (*.csv *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Leyendo %1…</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>No se puede leer el archivo: %1</translation>
    </message>
    <message>
        <source>Would record %1 outcome(s) from %2 row(s) of this %3 report; %4 already recorded, %5 with no outcome yet, %6 not matched, %7 unknown value(s).</source>
        <translation>Se registrarían %1 resultado(s) de %2 fila(s) de este informe de %3; %4 ya registrado(s), %5 aún sin resultado, %6 sin lead correspondiente, %7 valor(es) desconocido(s).</translation>
    </message>
    <message>
        <source>Recorded %1 outcome(s); they sync with your next sync.</source>
        <translation>%1 resultado(s) registrado(s); se sincronizan en la próxima sincronización.</translation>
    </message>
</context>
<context>
    <name>DebriefDetail</name>
    <message>
        <source>by %1</source>
        <translation>de %1</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>borrador</translation>
    </message>
    <message>
        <source>(no account yet)</source>
        <translation>(aún sin cuenta)</translation>
    </message>
    <message>
        <source>helped</source>
        <translation>ayudó</translation>
    </message>
    <message>
        <source>did not help</source>
        <translation>no ayudó</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>sin valorar</translation>
    </message>
    <message>
        <source>Replies (%1)</source>
        <translation>Respuestas (%1)</translation>
    </message>
    <message>
        <source>No replies yet.</source>
        <translation>Aún no hay respuestas.</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nuevo</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Alguien</translation>
    </message>
    <message>
        <source>Edit draft</source>
        <translation>Editar borrador</translation>
    </message>
    <message>
        <source>Add follow-up to calendar</source>
        <translation>Añadir seguimiento al calendario</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Debrief</source>
        <translation>Informe</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>Reply to this debrief…</source>
        <translation>Responder a este informe…</translation>
    </message>
    <message>
        <source>Send reply</source>
        <translation>Enviar respuesta</translation>
    </message>
    <message>
        <source>Replies open once the debrief is submitted.</source>
        <translation>Se puede responder cuando el informe esté enviado.</translation>
    </message>
    <message>
        <source>Write a reply first.</source>
        <translation>Escriba primero una respuesta.</translation>
    </message>
    <message>
        <source>Reply queued; it goes out on the next sync.</source>
        <translation>Respuesta en cola; se enviará en la próxima sincronización.</translation>
    </message>
</context>
<context>
    <name>DebriefFeedModel</name>
    <message>
        <source>%1 (%2 new)</source>
        <translation>%1 (%2 nuevas)</translation>
    </message>
    <message>
        <source>Draft (not queued)</source>
        <translation>Borrador (no en cola)</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Llamada</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>(no account yet)</source>
        <translation>(aún sin cuenta)</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>Comercial</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Objections</source>
        <translation>Objeciones</translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation>Competidores</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Respuestas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>DebriefForm</name>
    <message>
        <source>Debrief</source>
        <translation>Informe</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>Descartar borrador</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Submit (Ctrl+Enter)</source>
        <translation>Enviar (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Company you spoke with</source>
        <translation>Empresa con la que habló</translation>
    </message>
    <message>
        <source>Who was on the call</source>
        <translation>Quién participó en la llamada</translation>
    </message>
    <message>
        <source>No lead</source>
        <translation>Sin lead</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Fijar</translation>
    </message>
    <message>
        <source>Follow up on</source>
        <translation>Seguimiento el</translation>
    </message>
    <message>
        <source>What made them lean in</source>
        <translation>Qué les convenció</translation>
    </message>
    <message>
        <source>What held them back</source>
        <translation>Qué les frenó</translation>
    </message>
    <message>
        <source>Price, Timing, …</source>
        <translation>Precio, plazos, …</translation>
    </message>
    <message>
        <source>Who else they are talking to</source>
        <translation>Con quién más están hablando</translation>
    </message>
    <message>
        <source>Problems they want solved</source>
        <translation>Problemas que quieren resolver</translation>
    </message>
    <message>
        <source>Who does what by when</source>
        <translation>Quién hace qué y para cuándo</translation>
    </message>
    <message>
        <source>Anything else marketing should know</source>
        <translation>Algo más que marketing deba saber</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>(lead not on this device)</source>
        <translation>(el lead no está en este dispositivo)</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>Editando…</translation>
    </message>
    <message>
        <source>Draft saved at %1</source>
        <translation>Borrador guardado a las %1</translation>
    </message>
    <message>
        <source>Draft kept on this device at %1 (add an account to queue it)</source>
        <translation>Borrador guardado en este dispositivo a las %1 (añada una cuenta para ponerlo en cola)</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>No guardado: %1</translation>
    </message>
    <message>
        <source>Throw this draft away? What you typed cannot be brought back.</source>
        <translation>¿Descartar este borrador? Lo escrito no se podrá recuperar.</translation>
    </message>
    <message>
        <source>%1 %2.</source>
        <translation>%1 %2.</translation>
    </message>
    <message>
        <source>Fix the marked fields to submit</source>
        <translation>Corrija los campos marcados para enviar</translation>
    </message>
    <message>
        <source>Submitted; it goes to marketing on the next sync</source>
        <translation>Enviado; llegará a marketing en la próxima sincronización</translation>
    </message>
    <message>
        <source>Not submitted: %1</source>
        <translation>No enviado: %1</translation>
    </message>
</context>
<context>
    <name>DebriefLabels</name>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <source>Follows up lead</source>
        <translation>Seguimiento del lead</translation>
    </message>
    <message>
        <source>Call date</source>
        <translation>Fecha de la llamada</translation>
    </message>
    <message>
        <source>Call type</source>
        <translation>Tipo de llamada</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Why they buy</source>
        <translation>Por qué compran</translation>
    </message>
    <message>
        <source>Why they buy, in their words</source>
        <translation>Por qué compran, en sus palabras</translation>
    </message>
    <message>
        <source>Why not</source>
        <translation>Por qué no</translation>
    </message>
    <message>
        <source>Why not, in their words</source>
        <translation>Por qué no, en sus palabras</translation>
    </message>
    <message>
        <source>Pain points</source>
        <translation>Puntos de dolor</translation>
    </message>
    <message>
        <source>Objections</source>
        <translation>Objeciones</translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation>Competidores</translation>
    </message>
    <message>
        <source>Collateral used</source>
        <translation>Material usado</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Próximos pasos</translation>
    </message>
    <message>
        <source>Follow up on</source>
        <translation>Seguimiento el</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Discovery</source>
        <translation>Descubrimiento</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demostración</translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation>Negociación</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>Renovación</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avanzó</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Ganado</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Perdido</translation>
    </message>
    <message>
        <source>Stalled</source>
        <translation>Estancado</translation>
    </message>
    <message>
        <source>No decision</source>
        <translation>Sin decisión</translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation>Prospección</translation>
    </message>
    <message>
        <source>Qualify</source>
        <translation>Cualificación</translation>
    </message>
    <message>
        <source>Propose</source>
        <translation>Propuesta</translation>
    </message>
    <message>
        <source>Negotiate</source>
        <translation>Negociación</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
</context>
<context>
    <name>DebriefsBehindDialog</name>
    <message>
        <source>Debriefs behind “%1”</source>
        <translation>Informes detrás de «%1»</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Call date</source>
        <translation>Fecha de la llamada</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>By</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Debriefs</source>
        <translation>Informes</translation>
    </message>
    <message>
        <source>Open debrief</source>
        <translation>Abrir informe</translation>
    </message>
    <message numerus="yes">
        <source>%n submitted debrief(s); double-click one or press Enter to open it.</source>
        <translation>
            <numerusform>%n informe enviado; haga doble clic o pulse Intro para abrirlo.</numerusform>
            <numerusform>%n informes enviados; haga doble clic en uno o pulse Intro para abrirlo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not list the debriefs: %1</source>
        <translation>No se pudieron listar los informes: %1</translation>
    </message>
</context>
<context>
    <name>DebriefsPage</name>
    <message>
        <source>Any time</source>
        <translation>Siempre</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Últimos 90 días</translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation>Últimos 365 días</translation>
    </message>
    <message>
        <source>Debriefs</source>
        <translation>Informes</translation>
    </message>
    <message>
        <source>What customers said on calls, and what marketing answered</source>
        <translation>Lo que dijeron los clientes en las llamadas y lo que respondió marketing</translation>
    </message>
    <message>
        <source>Reason lists</source>
        <translation>Motivos</translation>
    </message>
    <message>
        <source>Digest PDF</source>
        <translation>Resumen PDF</translation>
    </message>
    <message>
        <source>New debrief</source>
        <translation>Nuevo informe</translation>
    </message>
    <message>
        <source>Search accounts, objections, notes…  (Ctrl+F)</source>
        <translation>Buscar cuentas, objeciones, notas…  (Ctrl+F)</translation>
    </message>
    <message>
        <source>All submitted</source>
        <translation>Todos los enviados</translation>
    </message>
    <message>
        <source>Mine, drafts included</source>
        <translation>Míos, con borradores</translation>
    </message>
    <message>
        <source>Any rep</source>
        <translation>Comercial</translation>
    </message>
    <message>
        <source>Any team</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>Objeción</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>Competidor</translation>
    </message>
    <message>
        <source>Any collateral</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Search debriefs</source>
        <translation>Buscar informes</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>Comercial</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Collateral</source>
        <translation>Material comercial</translation>
    </message>
    <message>
        <source>Call date</source>
        <translation>Fecha de la llamada</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Pick a debrief to read it, or file a new one (Ctrl+N).</source>
        <translation>Elija un informe para leerlo o cree uno nuevo (Ctrl+N).</translation>
    </message>
    <message>
        <source>1 debrief</source>
        <translation>1 informe</translation>
    </message>
    <message>
        <source>%1 debriefs</source>
        <translation>%1 informes</translation>
    </message>
    <message>
        <source>1 unread reply</source>
        <translation>1 sin leer</translation>
    </message>
    <message>
        <source>%1 unread replies</source>
        <translation>%1 sin leer</translation>
    </message>
    <message>
        <source>Save debrief PDF</source>
        <translation>Guardar informe en PDF</translation>
    </message>
    <message>
        <source>Save digest PDF</source>
        <translation>Guardar resumen en PDF</translation>
    </message>
    <message>
        <source>Built %1</source>
        <translation>Creado el %1</translation>
    </message>
    <message>
        <source>Building PDF…</source>
        <translation>Generando PDF…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Guardado %1</translation>
    </message>
    <message>
        <source>PDF not saved: %1</source>
        <translation>PDF no guardado: %1</translation>
    </message>
    <message>
        <source>PDF cancelled</source>
        <translation>PDF cancelado</translation>
    </message>
    <message>
        <source>Save calendar file</source>
        <translation>Guardar archivo de calendario</translation>
    </message>
    <message>
        <source>This debrief has no follow-up date.</source>
        <translation>Este informe no tiene fecha de seguimiento.</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>Pick an item to see it here.</source>
        <translation>Elija un elemento para verlo aquí.</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Descargar</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Open with system viewer</source>
        <translation>Abrir con otro programa</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Presentar</translation>
    </message>
    <message>
        <source>Share with a lead…</source>
        <translation>Enviar a un lead…</translation>
    </message>
    <message>
        <source>Keep offline</source>
        <translation>Guardar aquí</translation>
    </message>
    <message>
        <source>Pinned items stay on this computer whatever the cache limit</source>
        <translation>Los elementos fijados permanecen en este equipo sea cual sea el límite de caché</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>A revisión</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Aprobar</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>Retirar</translation>
    </message>
    <message>
        <source>New version…</source>
        <translation>Nueva versión…</translation>
    </message>
    <message>
        <source>Decline…</source>
        <translation>Rechazar…</translation>
    </message>
    <message>
        <source>Decline this proposal with a comment for the rep</source>
        <translation>Rechazar esta propuesta con un comentario para el comercial</translation>
    </message>
    <message>
        <source>Mark verified</source>
        <translation>Marcar como verificado</translation>
    </message>
    <message>
        <source>Confirm the item still holds (its last verified date becomes today)</source>
        <translation>Confirmar que el material sigue vigente (su fecha de última verificación pasa a ser hoy)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Change the title, summary, kind, tags, audience or expiry</source>
        <translation>Cambiar el título, el resumen, el tipo, las etiquetas, el público o la caducidad</translation>
    </message>
    <message>
        <source>Send for review again</source>
        <translation>Enviar de nuevo a revisión</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Retirar</translation>
    </message>
    <message>
        <source>Take your proposal back; marketing no longer sees it</source>
        <translation>Retirar su propuesta; marketing deja de verla</translation>
    </message>
    <message>
        <source>Your rating</source>
        <translation>Su valoración</translation>
    </message>
    <message>
        <source>No rating (comment only)</source>
        <translation>Solo comentario</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>What worked, what was missing?</source>
        <translation>¿Qué funcionó y qué faltó?</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>caduca el %1</translation>
    </message>
    <message numerus="yes">
        <source>used %n time(s)</source>
        <translation>
            <numerusform>usado %n vez</numerusform>
            <numerusform>usado %n veces</numerusform>
        </translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>para %1</translation>
    </message>
    <message>
        <source>Other versions: %1</source>
        <translation>Otras versiones: %1</translation>
    </message>
    <message>
        <source>Review comment</source>
        <translation>Comentario de revisión</translation>
    </message>
    <message>
        <source>✓ On this computer</source>
        <translation>✓ En este equipo</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>Descargando…</translation>
    </message>
    <message>
        <source>Not downloaded yet</source>
        <translation>Aún no descargado</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>abierto</translation>
    </message>
    <message>
        <source>shared</source>
        <translation>compartido</translation>
    </message>
    <message>
        <source>presented</source>
        <translation>presentado</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Uso</translation>
    </message>
    <message>
        <source>Ratings and comments</source>
        <translation>Valoraciones y comentarios</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Comentarios</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>alguien</translation>
    </message>
</context>
<context>
    <name>EarlyCapture</name>
    <message>
        <source>Opening your data… Scans are kept and read into the form once it is open.</source>
        <translation>Abriendo sus datos… Los escaneos se guardan y pasan al formulario en cuanto esté abierto.</translation>
    </message>
    <message numerus="yes">
        <source>%n scan(s) kept.</source>
        <translation>
            <numerusform>%n escaneo guardado.</numerusform>
            <numerusform>%n escaneos guardados.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Edit event</source>
        <translation>Editar evento</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Nuevo evento</translation>
    </message>
    <message>
        <source>Two letters, e.g. DE</source>
        <translation>Dos letras, p. ej. ES</translation>
    </message>
    <message>
        <source>Phone numbers typed without +country at this event are read in this country</source>
        <translation>Los teléfonos escritos sin +prefijo de país en este evento se leen como de este país</translation>
    </message>
    <message>
        <source>Stand, travel and fees, e.g. %1</source>
        <translation>Stand, viajes y tasas, p. ej. %1</translation>
    </message>
    <message>
        <source>ISO 4217 code; empty: the team&apos;s currency</source>
        <translation>Código ISO 4217; vacío: la moneda del equipo</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>(no rubric)</source>
        <translation>(sin rúbrica)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>Empieza el</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>Termina el</translation>
    </message>
    <message>
        <source>Campaign code</source>
        <translation>Código de campaña</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coste</translation>
    </message>
    <message>
        <source>Rubric</source>
        <translation>Rúbrica</translation>
    </message>
    <message>
        <source>Booth staff</source>
        <translation>Personal del stand</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Objetivos</translation>
    </message>
    <message>
        <source>Cost: type an amount of 0 or more, e.g. %1.</source>
        <translation>Coste: escriba un importe de 0 o más, p. ej. %1.</translation>
    </message>
    <message>
        <source>Currency: use a three-letter ISO 4217 code such as EUR, USD or GBP.</source>
        <translation>Moneda: use un código ISO 4217 de tres letras, como EUR, USD o GBP.</translation>
    </message>
    <message>
        <source>Goals: row %1 repeats an earlier goal for the same person, count and period; keep one.</source>
        <translation>Objetivos: la fila %1 repite un objetivo anterior para la misma persona, recuento y periodo; conserve uno.</translation>
    </message>
    <message>
        <source>The event ends before it starts.</source>
        <translation>El evento termina antes de empezar.</translation>
    </message>
    <message>
        <source>Country: use the two-letter code, e.g. DE or US.</source>
        <translation>País: use el código de dos letras, p. ej. ES o US.</translation>
    </message>
</context>
<context>
    <name>EventsPanel</name>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Nuevo evento</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Capture at this event</source>
        <translation>Captar en este evento</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Fechas</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaña</translation>
    </message>
    <message>
        <source>Rubric</source>
        <translation>Rúbrica</translation>
    </message>
    <message>
        <source>Rubrics</source>
        <translation>Rúbricas</translation>
    </message>
    <message>
        <source>New rubric</source>
        <translation>Nueva rúbrica</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Ver</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Preguntas</translation>
    </message>
    <message>
        <source>Events and rubrics are set up by marketing; you see them read-only.</source>
        <translation>Marketing configura los eventos y las rúbricas; usted los ve en modo de solo lectura.</translation>
    </message>
</context>
<context>
    <name>EventsTab</name>
    <message>
        <source>Funnel</source>
        <translation>Embudo</translation>
    </message>
    <message>
        <source>Events side by side</source>
        <translation>Eventos comparados</translation>
    </message>
    <message>
        <source>Grade mix</source>
        <translation>Reparto de calificaciones</translation>
    </message>
    <message>
        <source>Leads per rep</source>
        <translation>Leads por comercial</translation>
    </message>
    <message>
        <source>Leads per day</source>
        <translation>Leads por día</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Campañas</translation>
    </message>
    <message>
        <source>Every event</source>
        <translation>Todos los eventos</translation>
    </message>
    <message>
        <source>Cost and return</source>
        <translation>Coste y retorno</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Of the stage before</source>
        <translation>De la etapa anterior</translation>
    </message>
    <message>
        <source>Qualified (share of captured)</source>
        <translation>Cualificados (parte de los captados)</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Won amount</source>
        <translation>Importe ganado</translation>
    </message>
    <message>
        <source>Won of captured</source>
        <translation>Ganados de los captados</translation>
    </message>
    <message>
        <source>Average days to first contact</source>
        <translation>Días medios hasta el primer contacto</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaña</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>Qualified share</source>
        <translation>Parte cualificada</translation>
    </message>
    <message>
        <source>Avg days to first contact</source>
        <translation>Días medios al 1.er contacto</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>Comercial</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>mixed currencies</source>
        <translation>monedas mezcladas</translation>
    </message>
    <message>
        <source>Event or campaign</source>
        <translation>Evento o campaña</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coste</translation>
    </message>
    <message>
        <source>Per lead</source>
        <translation>Por lead</translation>
    </message>
    <message>
        <source>Per qualified lead</source>
        <translation>Por lead cualificado</translation>
    </message>
    <message>
        <source>Per opportunity</source>
        <translation>Por oportunidad</translation>
    </message>
    <message>
        <source>Pipeline influenced</source>
        <translation>Pipeline influida</translation>
    </message>
    <message>
        <source>Pipeline ÷ cost</source>
        <translation>Pipeline ÷ coste</translation>
    </message>
    <message>
        <source>Won ÷ cost</source>
        <translation>Ganado ÷ coste</translation>
    </message>
    <message>
        <source>No event has a cost yet: marketing sets it when editing the event</source>
        <translation>Ningún evento tiene coste todavía: marketing lo indica al editar el evento</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Salesforce lead import (CSV)</source>
        <translation>Importación de leads de Salesforce (CSV)</translation>
    </message>
    <message>
        <source>HubSpot contact import (CSV)</source>
        <translation>Importación de contactos de HubSpot (CSV)</translation>
    </message>
    <message>
        <source>vCards (one per lead)</source>
        <translation>vCards (una por lead)</translation>
    </message>
    <message>
        <source>Event report (PDF)</source>
        <translation>Informe del evento (PDF)</translation>
    </message>
    <message>
        <source>Export leads</source>
        <translation>Exportar leads</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Todos los eventos</translation>
    </message>
    <message>
        <source>Include leads without consent, marked as opted out</source>
        <translation>Incluir leads sin consentimiento, marcados como dados de baja</translation>
    </message>
    <message>
        <source>Without this, leads whose visitor did not agree to be contacted are left out of the CRM file.</source>
        <translation>Sin esta opción, los leads cuyo visitante no aceptó ser contactado quedan fuera del archivo del CRM.</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>Leads of</source>
        <translation>Leads de</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Building %1…</source>
        <translation>Generando %1…</translation>
    </message>
    <message>
        <source>Wrote %1 (%2 KB).</source>
        <translation>Escrito %1 (%2 KB).</translation>
    </message>
    <message numerus="yes">
        <source>Left out %n lead(s) without consent to be contacted.</source>
        <translation>
            <numerusform>Se omitió %n lead sin consentimiento para ser contactado.</numerusform>
            <numerusform>Se omitieron %n leads sin consentimiento para ser contactados.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Falló la exportación: %1</translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Vencido</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Calificación</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
</context>
<context>
    <name>FollowUpsPanel</name>
    <message>
        <source>Routing rules…</source>
        <translation>Reglas de asignación…</translation>
    </message>
    <message>
        <source>Routing rules</source>
        <translation>Reglas de asignación</translation>
    </message>
    <message>
        <source>My follow-ups</source>
        <translation>Mis seguimientos</translation>
    </message>
    <message>
        <source>Overdue per rep</source>
        <translation>Vencidos por comercial</translation>
    </message>
    <message>
        <source>Nothing to follow up: every lead of yours has been contacted.</source>
        <translation>Nada que seguir: todos sus leads han sido contactados.</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) wait for your first contact, oldest due first.</source>
        <translation>
            <numerusform>%n lead espera su primer contacto, el más antiguo primero.</numerusform>
            <numerusform>%n leads esperan su primer contacto, los más antiguos primero.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue.</source>
        <translation>
            <numerusform>%n vencido.</numerusform>
            <numerusform>%n vencidos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GoalCounter</name>
    <message>
        <source>You: %1</source>
        <translation>Usted: %1</translation>
    </message>
    <message>
        <source>Team: %1</source>
        <translation>Equipo: %1</translation>
    </message>
</context>
<context>
    <name>Goals</name>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Qualified leads</source>
        <translation>Leads cualificados</translation>
    </message>
    <message>
        <source>Hot leads</source>
        <translation>Leads calientes</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>Por día</translation>
    </message>
    <message>
        <source>Whole show</source>
        <translation>Toda la feria</translation>
    </message>
    <message>
        <source>%1 leads today</source>
        <translation>%1 leads hoy</translation>
    </message>
    <message>
        <source>%1 leads this show</source>
        <translation>%1 leads en esta feria</translation>
    </message>
    <message>
        <source>%1 qualified today</source>
        <translation>%1 cualificados hoy</translation>
    </message>
    <message>
        <source>%1 qualified this show</source>
        <translation>%1 cualificados en esta feria</translation>
    </message>
    <message>
        <source>%1 hot today</source>
        <translation>%1 calientes hoy</translation>
    </message>
    <message>
        <source>%1 hot this show</source>
        <translation>%1 calientes en esta feria</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>(%1 %)</source>
        <translation>(%1 %)</translation>
    </message>
    <message>
        <source>team from this device</source>
        <translation>equipo según este dispositivo</translation>
    </message>
    <message>
        <source>team as of %1</source>
        <translation>equipo a las %1</translation>
    </message>
</context>
<context>
    <name>GoalsEditor</name>
    <message>
        <source>Goals</source>
        <translation>Objetivos</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Para</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Add goal</source>
        <translation>Añadir objetivo</translation>
    </message>
    <message>
        <source>Remove goal</source>
        <translation>Quitar objetivo</translation>
    </message>
    <message>
        <source>The team</source>
        <translation>El equipo</translation>
    </message>
    <message>
        <source>(someone not on this device)</source>
        <translation>(alguien que no está en este dispositivo)</translation>
    </message>
</context>
<context>
    <name>HotLeadNotice</name>
    <message>
        <source>A visitor</source>
        <translation>Un visitante</translation>
    </message>
    <message numerus="yes">
        <source>%n hot lead(s) for you</source>
        <translation>
            <numerusform>%n lead caliente para usted</numerusform>
            <numerusform>%n leads calientes para usted</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is yours to contact first.</source>
        <translation>%1 es suyo: haga usted el primer contacto.</translation>
    </message>
    <message>
        <source>%1 and others are yours to contact first.</source>
        <translation>%1 y otros son suyos: haga usted el primer contacto.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>no name, email or badge id</source>
        <translation>sin nombre, correo ni ID de acreditación</translation>
    </message>
    <message>
        <source>could not be read as CSV</source>
        <translation>no se pudo leer como CSV</translation>
    </message>
    <message>
        <source>refused by the lead rules</source>
        <translation>rechazada por las reglas de leads</translation>
    </message>
    <message>
        <source>Import leads from CSV</source>
        <translation>Importar leads desde CSV</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Ningún archivo elegido</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Elegir archivo…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Into event</source>
        <translation>En el evento</translation>
    </message>
    <message>
        <source>Columns (change where a column goes, then check the preview)</source>
        <translation>Columnas (cambie el destino de una columna y revise la vista previa)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>Problemas encontrados</translation>
    </message>
    <message>
        <source>Problems found in the file are listed here by line.</source>
        <translation>Los problemas encontrados en el archivo se listan aquí por línea.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>This device knows no events yet: create one (or sync) first.</source>
        <translation>Este dispositivo aún no conoce ningún evento: cree uno (o sincronice) primero.</translation>
    </message>
    <message>
        <source>Lead CSV</source>
        <translation>CSV de leads</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Archivos CSV (*.csv *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Leyendo %1…</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>No se puede leer el archivo: %1</translation>
    </message>
    <message>
        <source>Where the column %1 goes</source>
        <translation>Adónde va la columna %1</translation>
    </message>
    <message>
        <source>Keep in notes</source>
        <translation>Guardar en notas</translation>
    </message>
    <message>
        <source>Nothing will be imported from this file.</source>
        <translation>No se importará nada de este archivo.</translation>
    </message>
    <message>
        <source>%1 rows read (%2, separator %3).</source>
        <translation>%1 filas leídas (%2, separador %3).</translation>
    </message>
    <message>
        <source>Would add %1 lead(s); %2 already at the event; %3 skipped.</source>
        <translation>Se añadirían %1 lead(s); %2 ya en el evento; %3 omitido(s).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Skipped: %1.</source>
        <translation>Omitidos: %1.</translation>
    </message>
    <message>
        <source>Import stopped: %1</source>
        <translation>Importación detenida: %1</translation>
    </message>
    <message>
        <source>Imported %1 lead(s); %2 skipped as already at the event; %3 problem(s).</source>
        <translation>%1 lead(s) importado(s); %2 omitido(s) por estar ya en el evento; %3 problema(s).</translation>
    </message>
</context>
<context>
    <name>InsightFilterBar</name>
    <message>
        <source>All time</source>
        <translation>Todo el periodo</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Últimos 90 días</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Este año</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Periodo personalizado</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>Todos los equipos</translation>
    </message>
    <message>
        <source>All reps</source>
        <translation>Todos los comerciales</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Todos los eventos</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>Comercial</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n evento</numerusform>
            <numerusform>%n eventos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InsightsPage</name>
    <message>
        <source>Insights</source>
        <translation>Análisis</translation>
    </message>
    <message>
        <source>What happened to the leads, which collateral helped, and why deals are won and lost</source>
        <translation>Qué pasó con los leads, qué material ayudó y por qué se ganan y se pierden ventas</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Exportar PDF…</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Calculando…</translation>
    </message>
    <message>
        <source>Events and campaigns</source>
        <translation>Eventos y campañas</translation>
    </message>
    <message>
        <source>Collateral</source>
        <translation>Material comercial</translation>
    </message>
    <message>
        <source>Voice of the customer</source>
        <translation>Voz del cliente</translation>
    </message>
    <message>
        <source>Rubric check</source>
        <translation>Control de la rúbrica</translation>
    </message>
    <message>
        <source>Insights are not available: no local data is open.</source>
        <translation>El análisis no está disponible: no hay datos locales abiertos.</translation>
    </message>
    <message>
        <source>%1 leads, %2 submitted debriefs, %3 collateral items · as of %4</source>
        <translation>%1 leads, %2 informes enviados, %3 materiales · a %4</translation>
    </message>
    <message>
        <source>Nothing here yet: capture leads, file debriefs or sync, and the figures fill in.</source>
        <translation>Aún no hay nada: capte leads, escriba informes o sincronice y las cifras aparecerán.</translation>
    </message>
    <message>
        <source>Could not compute the insights: %1</source>
        <translation>No se pudo calcular el análisis: %1</translation>
    </message>
    <message>
        <source>Export insights</source>
        <translation>Exportar análisis</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Escribiendo el informe…</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Informe escrito en %1</translation>
    </message>
    <message>
        <source>Could not write the report: %1</source>
        <translation>No se pudo escribir el informe: %1</translation>
    </message>
</context>
<context>
    <name>KioskView</name>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Leave kiosk mode (staff PIN)</source>
        <translation>Salir del modo quiosco (PIN del personal)</translation>
    </message>
    <message>
        <source>Kiosk mode</source>
        <translation>Modo quiosco</translation>
    </message>
    <message>
        <source>Visitors fill in their own details on this screen. Choose the event and set a PIN: leaving kiosk mode asks for it.</source>
        <translation>Los visitantes introducen sus propios datos en esta pantalla. Elija el evento y fije un PIN: se pedirá para salir del modo quiosco.</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>PIN (%1 to %2 digits)</source>
        <translation>PIN (de %1 a %2 dígitos)</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>The same PIN again</source>
        <translation>El mismo PIN otra vez</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Start kiosk mode</source>
        <translation>Iniciar modo quiosco</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>¡Gracias!</translation>
    </message>
    <message>
        <source>Your details are saved. We will be in touch.</source>
        <translation>Sus datos están guardados. Nos pondremos en contacto con usted.</translation>
    </message>
    <message>
        <source>Next visitor</source>
        <translation>Siguiente visitante</translation>
    </message>
    <message>
        <source>Staff only</source>
        <translation>Solo personal</translation>
    </message>
    <message>
        <source>Enter the PIN to leave kiosk mode.</source>
        <translation>Introduzca el PIN para salir del modo quiosco.</translation>
    </message>
    <message>
        <source>Back to the form</source>
        <translation>Volver al formulario</translation>
    </message>
    <message>
        <source>Leave kiosk mode</source>
        <translation>Salir del modo quiosco</translation>
    </message>
    <message>
        <source>The PIN is %1 to %2 digits, digits only.</source>
        <translation>El PIN tiene de %1 a %2 cifras, solo dígitos.</translation>
    </message>
    <message>
        <source>The two PINs differ; type the same PIN twice.</source>
        <translation>Los dos PIN no coinciden; escriba el mismo PIN dos veces.</translation>
    </message>
    <message>
        <source>Choose the event visitors sign up for.</source>
        <translation>Elija el evento en el que se registran los visitantes.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>PIN incorrecto.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in %1 s.</source>
        <translation>Demasiados PIN incorrectos. Vuelva a intentarlo en %1 s.</translation>
    </message>
    <message>
        <source>Too many wrong PINs.</source>
        <translation>Demasiados PIN incorrectos.</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>%1 held characters that cannot be stored (control characters or line breaks); they were taken out. Please check and submit again.</source>
        <translation>%1 contenía caracteres que no se pueden guardar (caracteres de control o saltos de línea); se han quitado. Revise los datos y envíelos de nuevo.</translation>
    </message>
    <message>
        <source>%1 is too long (at most %2 characters). Please shorten it.</source>
        <translation>%1 es demasiado largo (como máximo %2 caracteres). Acórtelo, por favor.</translation>
    </message>
    <message>
        <source>Please check your email address: %1</source>
        <translation>Revise su dirección de correo electrónico: %1</translation>
    </message>
    <message>
        <source>Please give at least your last name or your email address.</source>
        <translation>Indique al menos sus apellidos o su dirección de correo electrónico.</translation>
    </message>
    <message>
        <source>Please write a plain number for: %1</source>
        <translation>Escriba un número sin más para: %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Your entry could not be saved (%1). It is still here: please try again, or ask the staff.</source>
        <translation>No se han podido guardar sus datos (%1). Siguen aquí: vuelva a intentarlo o pregunte al personal.</translation>
    </message>
</context>
<context>
    <name>KpiStrip</name>
    <message>
        <source>Captured</source>
        <translation>Captados</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>Cualificados</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>Contactados</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Reunión</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Oportunidad</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Ganados</translation>
    </message>
    <message>
        <source>Won amount</source>
        <translation>Importe ganado</translation>
    </message>
    <message>
        <source>%1 of captured</source>
        <translation>%1 de los captados</translation>
    </message>
    <message>
        <source>%1 of the stage before</source>
        <translation>%1 de la etapa anterior</translation>
    </message>
</context>
<context>
    <name>LeadDetail</name>
    <message>
        <source>Rescore with the current rubric</source>
        <translation>Puntuar de nuevo con la rúbrica actual</translation>
    </message>
    <message>
        <source>Edit in capture</source>
        <translation>Editar en la captación</translation>
    </message>
    <message>
        <source>Consent history</source>
        <translation>Historial del consentimiento</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Withdraw consent…</source>
        <translation>Retirar el consentimiento…</translation>
    </message>
    <message>
        <source>The visitor no longer agrees to be contacted: recorded beside the consent, which stays in the history, and marketing follow-up ends</source>
        <translation>El visitante ya no acepta ser contactado: se registra junto al consentimiento, que queda en el historial, y termina el seguimiento de marketing</translation>
    </message>
    <message>
        <source>Sent to the visitor</source>
        <translation>Enviado al visitante</translation>
    </message>
    <message>
        <source>Send collateral…</source>
        <translation>Enviar material…</translation>
    </message>
    <message>
        <source>Email approved collateral to the visitor with a note from you; it goes at the next sync</source>
        <translation>Enviar material aprobado al visitante con una nota suya; sale en la próxima sincronización</translation>
    </message>
    <message>
        <source>Outcome timeline</source>
        <translation>Historial de resultados</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <source>Deal amount</source>
        <translation>Importe de la venta</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Nota (opcional)</translation>
    </message>
    <message>
        <source>Add outcome</source>
        <translation>Añadir resultado</translation>
    </message>
    <message>
        <source>New outcome</source>
        <translation>Nuevo resultado</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>No lead selected</source>
        <translation>Ningún lead seleccionado</translation>
    </message>
    <message>
        <source>Pick a lead in the list to see its details and outcomes.</source>
        <translation>Elija un lead de la lista para ver sus datos y resultados.</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Acreditación</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>Captado</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <source>yes, wording %1 at %2</source>
        <translation>sí, redacción %1 el %2</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>Intereses</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Dado</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>No dado</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>el %1</translation>
    </message>
    <message>
        <source>%1 v%2</source>
        <translation>%1 v%2</translation>
    </message>
    <message>
        <source>recorded by %1</source>
        <translation>registrado por %1</translation>
    </message>
    <message>
        <source>Never asked</source>
        <translation>Nunca se preguntó</translation>
    </message>
    <message>
        <source>Nothing sent yet</source>
        <translation>Nada enviado todavía</translation>
    </message>
    <message>
        <source>Queued: the visitor gets the email at the next sync.</source>
        <translation>En cola: el visitante recibe el correo en la próxima sincronización.</translation>
    </message>
    <message>
        <source>Signed; the image is kept on the hub.</source>
        <translation>Firmado; la imagen se guarda en el hub.</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>Retirar el consentimiento</translation>
    </message>
    <message>
        <source>How did the visitor withdraw consent?</source>
        <translation>¿Cómo retiró el visitante su consentimiento?</translation>
    </message>
    <message>
        <source>Consent withdrawn; it stays in the history.</source>
        <translation>Consentimiento retirado; queda en el historial.</translation>
    </message>
    <message>
        <source>Not scored</source>
        <translation>Sin puntuar</translation>
    </message>
    <message>
        <source>%1 · %2 points · scored with rubric v%3</source>
        <translation>%1 · %2 puntos · puntuado con la rúbrica v%3</translation>
    </message>
    <message>
        <source> (the rubric is now v%1; not rescored)</source>
        <translation> (la rúbrica es ahora v%1; sin volver a puntuar)</translation>
    </message>
    <message>
        <source>Withdrew “%1” (recorded by mistake)</source>
        <translation>«%1» retirado (registrado por error)</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>de %1</translation>
    </message>
    <message>
        <source>%1 (withdrawn)</source>
        <translation>%1 (retirado)</translation>
    </message>
    <message>
        <source>from the CRM</source>
        <translation>del CRM</translation>
    </message>
    <message>
        <source>No outcome yet (new lead)</source>
        <translation>Aún sin resultado (lead nuevo)</translation>
    </message>
    <message>
        <source>The amount must be a number written like %1.</source>
        <translation>El importe debe ser un número escrito como %1.</translation>
    </message>
    <message>
        <source>Outcome added.</source>
        <translation>Resultado añadido.</translation>
    </message>
    <message>
        <source>Recorded “%1” for %2.</source>
        <translation>«%1» registrado para %2.</translation>
    </message>
    <message>
        <source>Undone: the outcome is withdrawn (a correction that syncs).</source>
        <translation>Deshecho: el resultado se ha retirado (una corrección que se sincroniza).</translation>
    </message>
    <message>
        <source>Undone: the earlier score is back (a change that syncs).</source>
        <translation>Deshecho: vuelve la puntuación anterior (un cambio que se sincroniza).</translation>
    </message>
    <message>
        <source>Rescored %1 with the current rubric.</source>
        <translation>%1 puntuado de nuevo con la rúbrica actual.</translation>
    </message>
</context>
<context>
    <name>LeadListPanel</name>
    <message>
        <source>Search name, company, email, notes…  (Ctrl+F)</source>
        <translation>Buscar nombre, empresa, correo, notas…  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>Importar CSV…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>CRM outcomes…</source>
        <translation>Resultados del CRM…</translation>
    </message>
    <message>
        <source>Bring outcomes back from a Salesforce or HubSpot report</source>
        <translation>Traer resultados de un informe de Salesforce o HubSpot</translation>
    </message>
    <message>
        <source>Any grade</source>
        <translation>Cualquier calificación</translation>
    </message>
    <message>
        <source>Qualified or not</source>
        <translation>Cualificado o no</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>Cualificado</translation>
    </message>
    <message>
        <source>Not qualified</source>
        <translation>No cualificado</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <source>from YYYY-MM-DD</source>
        <translation>desde AAAA-MM-DD</translation>
    </message>
    <message>
        <source>to YYYY-MM-DD</source>
        <translation>hasta AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Search leads</source>
        <translation>Buscar leads</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Calificación</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Captured from</source>
        <translation>Captado desde</translation>
    </message>
    <message>
        <source>Captured to</source>
        <translation>Captado hasta</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Todos los eventos</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Contando…</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s)</source>
        <translation>
            <numerusform>%n lead</numerusform>
            <numerusform>%n leads</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LeadMedia</name>
    <message>
        <source>Badge</source>
        <translation>Acreditación</translation>
    </message>
    <message>
        <source>Business card</source>
        <translation>Tarjeta de visita</translation>
    </message>
    <message>
        <source>Whiteboard</source>
        <translation>Pizarra</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Voice note %1</source>
        <translation>Nota de voz %1</translation>
    </message>
    <message>
        <source>Not attached: %1</source>
        <translation>No adjuntado: %1</translation>
    </message>
</context>
<context>
    <name>LeadMediaSection</name>
    <message>
        <source>Voice notes and photos</source>
        <translation>Notas de voz y fotos</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>Ninguna todavía</translation>
    </message>
    <message>
        <source>you</source>
        <translation>usted</translation>
    </message>
    <message>
        <source>waits to be uploaded</source>
        <translation>pendiente de subir</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <source>Play or pause the voice note of %1</source>
        <translation>Reproducir o pausar la nota de voz del %1</translation>
    </message>
    <message>
        <source>Fetch</source>
        <translation>Obtener</translation>
    </message>
    <message>
        <source>Fetch the voice note of %1</source>
        <translation>Obtener la nota de voz del %1</translation>
    </message>
    <message>
        <source>fetching…</source>
        <translation>obteniendo…</translation>
    </message>
    <message>
        <source>not on this device yet</source>
        <translation>aún no está en este dispositivo</translation>
    </message>
    <message>
        <source>%1, %2: view it large</source>
        <translation>%1, %2: ver en grande</translation>
    </message>
    <message>
        <source>click to fetch</source>
        <translation>haga clic para obtenerla</translation>
    </message>
    <message>
        <source>Fetch the photo %1</source>
        <translation>Obtener la foto %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Quitar %1</translation>
    </message>
    <message>
        <source>Fetching the file from the hub…</source>
        <translation>Obteniendo el archivo del hub…</translation>
    </message>
    <message>
        <source>Not on this device yet: it is fetched when you are online and signed in.</source>
        <translation>Aún no está en este dispositivo: se obtiene cuando tenga conexión y haya iniciado sesión.</translation>
    </message>
    <message>
        <source>Could not fetch the file: %1</source>
        <translation>No se pudo obtener el archivo: %1</translation>
    </message>
    <message>
        <source>Adding the photo…</source>
        <translation>Añadiendo la foto…</translation>
    </message>
    <message>
        <source>Added: %1.</source>
        <translation>Añadido: %1.</translation>
    </message>
    <message>
        <source>Remove?</source>
        <translation>¿Quitar?</translation>
    </message>
    <message>
        <source>Remove %1 from this lead? It is removed for everyone at the next sync.</source>
        <translation>¿Quitar %1 de este lead? Se quitará para todos en la próxima sincronización.</translation>
    </message>
    <message>
        <source>Removed.</source>
        <translation>Quitado.</translation>
    </message>
</context>
<context>
    <name>LeadTableModel</name>
    <message>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>Contactado</translation>
    </message>
    <message>
        <source>Meeting booked</source>
        <translation>Reunión concertada</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Oportunidad</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Ganado</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Perdido</translation>
    </message>
    <message>
        <source>Disqualified</source>
        <translation>Descalificado</translation>
    </message>
    <message>
        <source>Hot</source>
        <translation>Caliente</translation>
    </message>
    <message>
        <source>Warm</source>
        <translation>Templado</translation>
    </message>
    <message>
        <source>Cold</source>
        <translation>Frío</translation>
    </message>
    <message>
        <source>checkbox on the capture form</source>
        <translation>casilla del formulario de captura</translation>
    </message>
    <message>
        <source>the visitor&apos;s own entry</source>
        <translation>entrada del propio visitante</translation>
    </message>
    <message>
        <source>signature</source>
        <translation>firma</translation>
    </message>
    <message>
        <source>badge scan under the organiser&apos;s terms</source>
        <translation>escaneo de acreditación según las condiciones del organizador</translation>
    </message>
    <message>
        <source>verbally</source>
        <translation>de palabra</translation>
    </message>
    <message>
        <source>imported with the organiser&apos;s file</source>
        <translation>importado con el archivo del organizador</translation>
    </message>
    <message>
        <source>method not recorded</source>
        <translation>método no registrado</translation>
    </message>
    <message>
        <source>badge scan</source>
        <translation>escaneo de acreditación</translation>
    </message>
    <message>
        <source>business card</source>
        <translation>tarjeta de visita</translation>
    </message>
    <message>
        <source>typed</source>
        <translation>tecleado</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importado</translation>
    </message>
    <message>
        <source>kiosk (visitor&apos;s own entry)</source>
        <translation>quiosco (introducido por el visitante)</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Quiosco</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Calificación</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntos</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>Captado</translation>
    </message>
</context>
<context>
    <name>LeadsPage</name>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Everyone you met, and what happened next</source>
        <translation>Todas las personas que conoció y qué pasó después</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Captar</translation>
    </message>
    <message>
        <source>Events &amp;&amp; rubrics</source>
        <translation>Eventos &amp;&amp; rúbricas</translation>
    </message>
    <message>
        <source>My follow-ups</source>
        <translation>Seguimientos</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>Sell sheet</source>
        <translation>Ficha de producto</translation>
    </message>
    <message>
        <source>Brochure</source>
        <translation>Folleto</translation>
    </message>
    <message>
        <source>Deck</source>
        <translation>Presentación</translation>
    </message>
    <message>
        <source>Case study</source>
        <translation>Caso de éxito</translation>
    </message>
    <message>
        <source>Price list</source>
        <translation>Lista de precios</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Vídeo</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>En revisión</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Aprobado</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Retirado</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Valoración</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>Usos</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Coincidencia</translation>
    </message>
    <message>
        <source>%1 · stale</source>
        <translation>%1 · obsoleto</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Fijado</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>En este equipo</translation>
    </message>
    <message>
        <source>Downloading %1%</source>
        <translation>Descargando %1 %</translation>
    </message>
    <message>
        <source>Not downloaded</source>
        <translation>No descargado</translation>
    </message>
</context>
<context>
    <name>LocaleDialog</name>
    <message>
        <source>Language and formats</source>
        <translation>Idioma y formatos</translation>
    </message>
    <message>
        <source>The system&apos;s (%1)</source>
        <translation>El del sistema (%1)</translation>
    </message>
    <message>
        <source>Looks like</source>
        <translation>Ejemplo</translation>
    </message>
    <message>
        <source>Keep the database on this computer encrypted</source>
        <translation>Mantener cifrada la base de datos de este equipo</translation>
    </message>
    <message>
        <source>The key is kept in this computer&apos;s keychain.</source>
        <translation>La clave se guarda en el llavero de este equipo.</translation>
    </message>
    <message>
        <source>Fieldnote uses the new choice from its next start.</source>
        <translation>Fieldnote usará la nueva elección a partir del próximo inicio.</translation>
    </message>
    <message>
        <source>%1 leads · %2 won · %3</source>
        <translation>%1 leads · %2 ganados · %3</translation>
    </message>
    <message>
        <source>This computer has no keychain to keep the key in, so the database cannot be encrypted. Use the disk encryption of the operating system instead.</source>
        <translation>Este equipo no tiene un llavero donde guardar la clave, así que la base de datos no se puede cifrar. Use en su lugar el cifrado de disco del sistema operativo.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Fieldnote</source>
        <translation>Fieldnote</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>Opening your data…</source>
        <translation>Abriendo sus datos…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <source>Language and formats…</source>
        <translation>Idioma y formatos…</translation>
    </message>
    <message>
        <source>Kiosk mode…</source>
        <translation>Modo quiosco…</translation>
    </message>
    <message>
        <source>Booth board…</source>
        <translation>Panel del stand…</translation>
    </message>
    <message>
        <source>Booth board</source>
        <translation>Panel del stand</translation>
    </message>
    <message>
        <source>No event has goals yet. Marketing sets them in the event editor.</source>
        <translation>Ningún evento tiene objetivos todavía. Marketing los define en el editor de eventos.</translation>
    </message>
    <message>
        <source>Show the goals of</source>
        <translation>Mostrar los objetivos de</translation>
    </message>
    <message>
        <source>A person&apos;s data…</source>
        <translation>Datos de una persona…</translation>
    </message>
    <message>
        <source>Audit log…</source>
        <translation>Registro de auditoría…</translation>
    </message>
    <message>
        <source>Sign in to the hub to read the audit log.</source>
        <translation>Inicia sesión en el hub para leer el registro de auditoría.</translation>
    </message>
    <message>
        <source>Sign in to the hub to export or erase a person&apos;s data.</source>
        <translation>Inicie sesión en el hub para exportar o borrar los datos de una persona.</translation>
    </message>
    <message>
        <source>Language and formats change at the next start of Fieldnote.</source>
        <translation>El idioma y los formatos cambian en el próximo inicio de Fieldnote.</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Sin sesión iniciada</translation>
    </message>
</context>
<context>
    <name>NeedsAttentionView</name>
    <message>
        <source>Changes that need attention</source>
        <translation>Cambios que requieren atención</translation>
    </message>
    <message>
        <source>Fix and resend</source>
        <translation>Corregir y reenviar</translation>
    </message>
    <message>
        <source>Discard change</source>
        <translation>Descartar cambio</translation>
    </message>
    <message>
        <source>Nothing needs your attention. Every change reached the hub or is on its way.</source>
        <translation>Nada requiere su atención. Todos los cambios llegaron al hub o van de camino.</translation>
    </message>
    <message>
        <source>The hub refused this change</source>
        <translation>El hub rechazó este cambio</translation>
    </message>
    <message>
        <source>The hub failed on this change repeatedly; it was set aside so other changes could go through. Resend to try again.</source>
        <translation>El hub falló varias veces con este cambio; se apartó para que pasaran los demás. Reenvíelo para intentarlo de nuevo.</translation>
    </message>
    <message>
        <source>Discard this change?</source>
        <translation>¿Descartar este cambio?</translation>
    </message>
    <message>
        <source>Your change to “%1” will not be sent, and the record goes back to what the hub has.</source>
        <translation>Su cambio en «%1» no se enviará y el registro vuelve a la versión del hub.</translation>
    </message>
    <message>
        <source>This change could not be saved: %1</source>
        <translation>No se pudo guardar este cambio: %1</translation>
    </message>
</context>
<context>
    <name>NotesEdit</name>
    <message>
        <source>That paste is %1 characters; notes hold at most %2. Nothing was pasted and it is still on your clipboard.</source>
        <translation>El texto pegado tiene %1 caracteres; las notas admiten como máximo %2. No se pegó nada y sigue en el portapapeles.</translation>
    </message>
</context>
<context>
    <name>OutcomeChangesModel</name>
    <message>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
</context>
<context>
    <name>OverduePerRepModel</name>
    <message>
        <source>Rep</source>
        <translation>Comercial</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Vencidos</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Pendientes</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>(nadie)</translation>
    </message>
</context>
<context>
    <name>PdfViewer</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n página</numerusform>
            <numerusform>%n páginas</numerusform>
        </translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Ajustar al ancho</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>Página completa</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Presentar</translation>
    </message>
    <message>
        <source>Full screen, one page at a time (Esc to leave)</source>
        <translation>Pantalla completa, página a página (Esc para salir)</translation>
    </message>
</context>
<context>
    <name>PendingStrip</name>
    <message>
        <source>Remove %1</source>
        <translation>Quitar %1</translation>
    </message>
    <message>
        <source>Remove %1 before saving</source>
        <translation>Quitar %1 antes de guardar</translation>
    </message>
</context>
<context>
    <name>PersonDataDialog</name>
    <message>
        <source>A person&apos;s data</source>
        <translation>Datos de una persona</translation>
    </message>
    <message>
        <source>Export everything the hub holds about a person, or erase them everywhere: their name, contact details and notes leave the hub and, at their next sync, every device. Their leads stay as anonymous records, so figures do not change.</source>
        <translation>Exporte todo lo que el hub guarda sobre una persona o bórrela en todas partes: su nombre, sus datos de contacto y sus notas salen del hub y, en su próxima sincronización, de cada dispositivo. Sus leads quedan como registros anónimos, así que las cifras no cambian.</translation>
    </message>
    <message>
        <source>The person&apos;s email address</source>
        <translation>Correo electrónico de la persona</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Reason for an erasure</source>
        <translation>Motivo del borrado</translation>
    </message>
    <message>
        <source>A reference, no personal data</source>
        <translation>Una referencia, sin datos personales</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Export the person&apos;s data</source>
        <translation>Exportar los datos de la persona</translation>
    </message>
    <message>
        <source>Erase…</source>
        <translation>Borrar…</translation>
    </message>
    <message>
        <source>Erase the person everywhere</source>
        <translation>Borrar a la persona en todas partes</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Archivos JSON (*.json)</translation>
    </message>
    <message>
        <source>Erase this person?</source>
        <translation>¿Borrar a esta persona?</translation>
    </message>
    <message>
        <source>Erase everything about %1 on the hub and on every device? This cannot be undone.</source>
        <translation>¿Borrar todo sobre %1 en el hub y en cada dispositivo? No se puede deshacer.</translation>
    </message>
    <message>
        <source>Type the person&apos;s email address.</source>
        <translation>Escriba el correo electrónico de la persona.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1: %n lead(s).</source>
        <translation>
            <numerusform>Escrito %1: %n lead.</numerusform>
            <numerusform>Escrito %1: %n leads.</numerusform>
        </translation>
    </message>
    <message>
        <source>Erasing…</source>
        <translation>Borrando…</translation>
    </message>
    <message numerus="yes">
        <source>Erased %n lead(s) of this person. Every device drops their data at its next sync.</source>
        <translation>
            <numerusform>Borrado %n lead de esta persona. Cada dispositivo elimina sus datos en su próxima sincronización.</numerusform>
            <numerusform>Borrados %n leads de esta persona. Cada dispositivo elimina sus datos en su próxima sincronización.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>No realizado: %1</translation>
    </message>
</context>
<context>
    <name>PhotoProblem</name>
    <message>
        <source>This file</source>
        <translation>Este archivo</translation>
    </message>
    <message>
        <source>%1 is not a photo Fieldnote can read (JPEG, PNG, WebP, BMP, GIF or TIFF); nothing was attached.</source>
        <translation>%1 no es una foto que Fieldnote pueda leer (JPEG, PNG, WebP, BMP, GIF o TIFF); no se adjuntó nada.</translation>
    </message>
    <message>
        <source>%1 is cut short (the file ends before its picture does); nothing was attached.</source>
        <translation>%1 está incompleto (el archivo termina antes que la imagen); no se adjuntó nada.</translation>
    </message>
    <message>
        <source>%1 is damaged (its header gives no picture size); nothing was attached.</source>
        <translation>%1 está dañado (su cabecera no indica el tamaño de la imagen); no se adjuntó nada.</translation>
    </message>
    <message>
        <source>%1 claims %2 × %3 pixels, more than a photo has; nothing was attached.</source>
        <translation>%1 indica %2 × %3 píxeles, más de los que tiene una foto; no se adjuntó nada.</translation>
    </message>
    <message>
        <source>%1 could not be read (%2); nothing was attached.</source>
        <translation>No se pudo leer %1 (%2); no se adjuntó nada.</translation>
    </message>
    <message>
        <source>it does not decode</source>
        <translation>no se puede decodificar</translation>
    </message>
    <message>
        <source>%1 is over %2 MB, larger than any photo; nothing was attached.</source>
        <translation>%1 supera los %2 MB, más que cualquier foto; no se adjuntó nada.</translation>
    </message>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation>No se pudo abrir %1: %2</translation>
    </message>
    <message>
        <source>%1 is empty; nothing was attached.</source>
        <translation>%1 está vacío; no se adjuntó nada.</translation>
    </message>
    <message>
        <source>The photo could not be encoded: %1</source>
        <translation>No se pudo codificar la foto: %1</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>New version</source>
        <translation>Nueva versión</translation>
    </message>
    <message>
        <source>Publish collateral</source>
        <translation>Publicar material comercial</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> y %n más</numerusform>
            <numerusform> y %n más</numerusform>
        </translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <source>Edit collateral</source>
        <translation>Editar material</translation>
    </message>
    <message>
        <source>Propose material</source>
        <translation>Proponer material</translation>
    </message>
    <message>
        <source>Each file is titled after its name</source>
        <translation>Cada archivo toma su nombre como título</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>What it is for, in one or two sentences</source>
        <translation>Para qué sirve, en una o dos frases</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Región</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>separados por comas</translation>
    </message>
    <message>
        <source>other tags, comma-separated</source>
        <translation>otras etiquetas, separadas por comas</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>teams, comma-separated; empty = everyone</source>
        <translation>equipos, separados por comas; vacío = todos</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Destinatarios</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Caduca el</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Caducidad</translation>
    </message>
    <message>
        <source>Draft (only marketing sees it)</source>
        <translation>Borrador (solo lo ve marketing)</translation>
    </message>
    <message>
        <source>In review (reps can open and comment)</source>
        <translation>En revisión (los comerciales pueden abrirlo y comentarlo)</translation>
    </message>
    <message>
        <source>Approved (goes to every rep in the audience)</source>
        <translation>Aprobado (llega a todos los comerciales destinatarios)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Proposal (marketing reviews it; only you and marketing see it)</source>
        <translation>Propuesta (marketing la revisa; solo usted y marketing la ven)</translation>
    </message>
    <message>
        <source>Choose another file…</source>
        <translation>Elegir otro archivo…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publicar</translation>
    </message>
    <message>
        <source>Send to marketing</source>
        <translation>Enviar a marketing</translation>
    </message>
    <message>
        <source>Give it a title reps will recognise.</source>
        <translation>Póngale un título que los comerciales reconozcan.</translation>
    </message>
    <message>
        <source>Choose another file</source>
        <translation>Elegir otro archivo</translation>
    </message>
</context>
<context>
    <name>ReasonListsDialog</name>
    <message>
        <source>Why they buy</source>
        <translation>Por qué compran</translation>
    </message>
    <message>
        <source>Why not</source>
        <translation>Por qué no</translation>
    </message>
    <message>
        <source>Reason lists</source>
        <translation>Listas de motivos</translation>
    </message>
    <message>
        <source>One reason per line. Reps pick from these lists in every debrief; changes reach them on their next sync.</source>
        <translation>Un motivo por línea. Los comerciales eligen de estas listas en cada informe; los cambios les llegan en su próxima sincronización.</translation>
    </message>
    <message>
        <source>Marketing maintains these lists; they arrive with each sync.</source>
        <translation>Marketing mantiene estas listas; llegan con cada sincronización.</translation>
    </message>
</context>
<context>
    <name>RecordVoiceButton</name>
    <message>
        <source>No microphone found</source>
        <translation>No se encontró micrófono</translation>
    </message>
    <message>
        <source>Voice notes unavailable</source>
        <translation>Notas de voz no disponibles</translation>
    </message>
    <message>
        <source>Record voice note</source>
        <translation>Grabar nota de voz</translation>
    </message>
    <message>
        <source>Record a voice memo of up to %1 minutes; click again to stop</source>
        <translation>Grabe una nota de voz de hasta %1 minutos; haga clic de nuevo para detenerla</translation>
    </message>
    <message>
        <source>Stop recording · %1 left</source>
        <translation>Detener grabación · quedan %1</translation>
    </message>
    <message>
        <source>Recording; it stops by itself after %1 minutes</source>
        <translation>Grabando; se detiene sola a los %1 minutos</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <source>Request material</source>
        <translation>Solicitar material</translation>
    </message>
    <message>
        <source>e.g. Sell sheet for Edge Sensors in food plants</source>
        <translation>p. ej., ficha de producto de Edge Sensors para plantas alimentarias</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Who it is for and what it must answer</source>
        <translation>Para quién es y qué debe responder</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Needed by</source>
        <translation>Necesario para</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>No event</source>
        <translation>Sin evento</translation>
    </message>
    <message>
        <source>For the event</source>
        <translation>Para el evento</translation>
    </message>
    <message>
        <source>Send request</source>
        <translation>Enviar solicitud</translation>
    </message>
    <message>
        <source>Say what you need.</source>
        <translation>Indique qué necesita.</translation>
    </message>
</context>
<context>
    <name>RequestModel</name>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Needed by</source>
        <translation>Necesario para</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>Solicitado por</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Respuesta</translation>
    </message>
</context>
<context>
    <name>RequestsDialog</name>
    <message>
        <source>Requests for collateral</source>
        <translation>Solicitudes de material comercial</translation>
    </message>
    <message>
        <source>My requests</source>
        <translation>Mis solicitudes</translation>
    </message>
    <message>
        <source>Open and accepted requests, the soonest needed first.</source>
        <translation>Solicitudes abiertas y aceptadas, primero las más urgentes.</translation>
    </message>
    <message>
        <source>What you asked marketing for, and their answers.</source>
        <translation>Lo que pidió a marketing y sus respuestas.</translation>
    </message>
    <message>
        <source>Accept…</source>
        <translation>Aceptar…</translation>
    </message>
    <message>
        <source>Decline…</source>
        <translation>Rechazar…</translation>
    </message>
    <message>
        <source>Deliver…</source>
        <translation>Entregar…</translation>
    </message>
</context>
<context>
    <name>RoutingRulesDialog</name>
    <message>
        <source>Routing rules</source>
        <translation>Reglas de asignación</translation>
    </message>
    <message>
        <source>The hub gives each new lead to the owner of the first rule that matches it; without a match the rep who captured it keeps it. Conditions (all optional): grade, country (ISO code such as DE), team, interest, event.</source>
        <translation>El hub asigna cada lead nuevo al responsable de la primera regla que coincide; si ninguna coincide, lo conserva el comercial que lo capturó. Condiciones (todas opcionales): grade (calificación), country (código ISO como DE), team (equipo), interest (interés), event (evento).</translation>
    </message>
    <message>
        <source>The hub gives each new lead to the owner of the first rule that matches it.</source>
        <translation>El hub asigna cada lead nuevo al responsable de la primera regla que coincide.</translation>
    </message>
    <message>
        <source>Rules (JSON)</source>
        <translation>Reglas (JSON)</translation>
    </message>
    <message>
        <source>Problem with the rules</source>
        <translation>Problema con las reglas</translation>
    </message>
</context>
<context>
    <name>RubricDialog</name>
    <message>
        <source>One choice</source>
        <translation>Una opción</translation>
    </message>
    <message>
        <source>Several choices</source>
        <translation>Varias opciones</translation>
    </message>
    <message>
        <source>Yes / no</source>
        <translation>Sí / no</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Free text</source>
        <translation>Texto libre</translation>
    </message>
    <message>
        <source>Rubric %1 (v%2)</source>
        <translation>Rúbrica %1 (v%2)</translation>
    </message>
    <message>
        <source>New rubric</source>
        <translation>Nueva rúbrica</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Hot from (points)</source>
        <translation>Caliente desde (puntos)</translation>
    </message>
    <message>
        <source>Warm from (points)</source>
        <translation>Templado desde (puntos)</translation>
    </message>
    <message>
        <source>Hot from</source>
        <translation>Caliente desde</translation>
    </message>
    <message>
        <source>warm from</source>
        <translation>templado desde</translation>
    </message>
    <message>
        <source>points; below is cold</source>
        <translation>puntos; por debajo, frío</translation>
    </message>
    <message>
        <source>Grades</source>
        <translation>Calificaciones</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Preguntas</translation>
    </message>
    <message>
        <source>Add question</source>
        <translation>Añadir pregunta</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>One answer per line: Label = points</source>
        <translation>Una respuesta por línea: Etiqueta = puntos</translation>
    </message>
    <message>
        <source>no cap</source>
        <translation>sin límite</translation>
    </message>
    <message>
        <source>Empty = not required</source>
        <translation>Vacío = no obligatorio</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Answer type</source>
        <translation>Tipo de respuesta</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Respuestas</translation>
    </message>
    <message>
        <source>Points for yes</source>
        <translation>Puntos por sí</translation>
    </message>
    <message>
        <source>Points for no</source>
        <translation>Puntos por no</translation>
    </message>
    <message>
        <source>Points cap</source>
        <translation>Límite de puntos</translation>
    </message>
    <message>
        <source>Must have</source>
        <translation>Imprescindible</translation>
    </message>
    <message>
        <source>Saving makes a new version. Leads already captured keep the version they were scored with; nothing is rescored without asking.</source>
        <translation>Al guardar se crea una versión nueva. Los leads ya captados conservan la versión con la que se puntuaron; nada se vuelve a puntuar sin preguntar.</translation>
    </message>
    <message>
        <source>One per line, e.g. &apos;Confirmed = 25&apos;. Must have: labels, comma separated.</source>
        <translation>Una por línea, p. ej. &apos;Confirmado = 25&apos;. Imprescindible: etiquetas, separadas por comas.</translation>
    </message>
    <message>
        <source>One per line, e.g. &apos;CRM integration = 4&apos;. Must have: labels, comma separated.</source>
        <translation>Una por línea, p. ej. &apos;Integración CRM = 4&apos;. Imprescindible: etiquetas, separadas por comas.</translation>
    </message>
    <message>
        <source>Ranges, e.g. &apos;50-249 = 6&apos; or &apos;1000+ = 15&apos;. Must have: &apos;50+&apos; or &apos;10-500&apos;.</source>
        <translation>Rangos, p. ej. &apos;50-249 = 6&apos; o &apos;1000+ = 15&apos;. Imprescindible: &apos;50+&apos; o &apos;10-500&apos;.</translation>
    </message>
    <message>
        <source>Must have: yes or no.</source>
        <translation>Imprescindible: sí o no.</translation>
    </message>
    <message>
        <source>Free text is kept with the lead and scores nothing.</source>
        <translation>El texto libre se guarda con el lead y no puntúa.</translation>
    </message>
    <message>
        <source>must have: write &apos;50+&apos; or &apos;10-500&apos;</source>
        <translation>imprescindible: escriba &apos;50+&apos; o &apos;10-500&apos;</translation>
    </message>
    <message>
        <source>must have: %1 is not one of the answers</source>
        <translation>imprescindible: %1 no es una de las respuestas</translation>
    </message>
    <message>
        <source>New question</source>
        <translation>Nueva pregunta</translation>
    </message>
</context>
<context>
    <name>RubricForm</name>
    <message>
        <source>This event has no qualification rubric.</source>
        <translation>Este evento no tiene rúbrica de cualificación.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>a number, like %1</source>
        <translation>un número, como %1</translation>
    </message>
    <message>
        <source>Score %1 / %2</source>
        <translation>Puntos %1 / %2</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>Cualificado</translation>
    </message>
    <message>
        <source>Not qualified</source>
        <translation>No cualificado</translation>
    </message>
    <message>
        <source>Not a number here: %1 (write numbers like %2)</source>
        <translation>Aquí no es un número: %1 (escriba los números así: %2)</translation>
    </message>
    <message>
        <source>Needs: </source>
        <translation>Requiere: </translation>
    </message>
</context>
<context>
    <name>RubricTab</name>
    <message>
        <source>Do hot and qualified leads convert better than the rest? Each card shows the share of a group&apos;s leads that reached a meeting, an opportunity and a win.</source>
        <translation>¿Convierten mejor los leads calientes y cualificados que el resto? Cada tarjeta muestra la proporción de leads de un grupo que llegaron a reunión, oportunidad y venta.</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Meeting %</source>
        <translation>Reunión %</translation>
    </message>
    <message>
        <source>Opportunity %</source>
        <translation>Oportunidad %</translation>
    </message>
    <message>
        <source>Won %</source>
        <translation>Ganado %</translation>
    </message>
</context>
<context>
    <name>ScanField</name>
    <message>
        <source>That paste is %1 characters long; a badge scan holds at most %2. Nothing was pasted and it is still on your clipboard: put longer text in the notes or split it.</source>
        <translation>El texto pegado tiene %1 caracteres; un escaneo de acreditación admite como máximo %2. No se pegó nada y sigue en el portapapeles: ponga el texto largo en las notas o divídalo.</translation>
    </message>
</context>
<context>
    <name>SendCollateralDialog</name>
    <message>
        <source>Send to the visitor</source>
        <translation>Enviar al visitante</translation>
    </message>
    <message>
        <source>%1 gets an email with your note and a personal link to each item at the next sync.</source>
        <translation>%1 recibe en la próxima sincronización un correo con su nota y un enlace personal a cada material.</translation>
    </message>
    <message>
        <source>Approved collateral</source>
        <translation>Material aprobado</translation>
    </message>
    <message>
        <source>Your note</source>
        <translation>Su nota</translation>
    </message>
    <message>
        <source>e.g. Good to meet you at the booth - here is the brochure we talked about.</source>
        <translation>p. ej. Encantado de conocerle en el stand; aquí tiene el folleto del que hablamos.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>No approved collateral on this device yet; sync to get the library.</source>
        <translation>Todavía no hay material aprobado en este equipo; sincronice para obtener la biblioteca.</translation>
    </message>
    <message>
        <source>Tick at least one item to send.</source>
        <translation>Marque al menos un material para enviar.</translation>
    </message>
    <message>
        <source>Send at most %1 items at once.</source>
        <translation>Envíe como máximo %1 materiales a la vez.</translation>
    </message>
    <message>
        <source>Keep the note to %1 characters.</source>
        <translation>La nota no puede superar %1 caracteres.</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <source>Share “%1”</source>
        <translation>Compartir «%1»</translation>
    </message>
    <message>
        <source>Search leads and debriefs</source>
        <translation>Buscar leads e informes</translation>
    </message>
    <message>
        <source>Search leads and debriefs by name, company, email…</source>
        <translation>Buscar leads e informes por nombre, empresa, correo…</translation>
    </message>
    <message>
        <source>Share with</source>
        <translation>Compartir con</translation>
    </message>
    <message>
        <source>An email draft opens with a link to the file; attach it from the folder that opens if your mail app does not.</source>
        <translation>Se abre un borrador de correo con un enlace al archivo; adjúntelo desde la carpeta que se abre si su programa de correo no lo hace.</translation>
    </message>
    <message>
        <source>Write email</source>
        <translation>Escribir correo</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to the hub</source>
        <translation>Iniciar sesión en el hub</translation>
    </message>
    <message>
        <source>Sign in to send your work to the team and receive theirs.</source>
        <translation>Inicie sesión para enviar su trabajo al equipo y recibir el suyo.</translation>
    </message>
    <message>
        <source>you@company.com</source>
        <translation>usted@empresa.com</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>Dirección del hub</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Enter the hub address, your email and your password.</source>
        <translation>Introduzca la dirección del hub, su correo y su contraseña.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <source>The email or password is not right. Check them and try again.</source>
        <translation>El correo o la contraseña no son correctos. Revíselos e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The hub&apos;s security certificate is not trusted, so the connection was not made. Ask IT for the company certificate bundle.</source>
        <translation>El certificado de seguridad del hub no es de confianza, así que no se conectó. Pida a TI el paquete de certificados de la empresa.</translation>
    </message>
    <message>
        <source>Cannot reach the hub. Check the address and your network connection.</source>
        <translation>No se puede contactar con el hub. Revise la dirección y su conexión de red.</translation>
    </message>
    <message>
        <source>This hub cannot work with this version of Fieldnote.</source>
        <translation>Este hub no funciona con esta versión de Fieldnote.</translation>
    </message>
    <message>
        <source>That is not a hub address. It looks like https://hub.example.com.</source>
        <translation>Eso no es una dirección de hub. Tiene esta forma: https://hub.example.com.</translation>
    </message>
    <message>
        <source>Too many sign-in attempts. Try again in %1 s.</source>
        <translation>Demasiados intentos de inicio de sesión. Vuelva a intentarlo en %1 s.</translation>
    </message>
    <message>
        <source>Too many sign-in attempts. Wait a little and try again.</source>
        <translation>Demasiados intentos de inicio de sesión. Espere un poco e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Signing in failed.</source>
        <translation>No se pudo iniciar sesión.</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Signature</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Sign here</source>
        <translation>Firme aquí</translation>
    </message>
</context>
<context>
    <name>SyncControls</name>
    <message>
        <source>Sync</source>
        <translation>Sincronizar</translation>
    </message>
    <message>
        <source>Sync and account menu</source>
        <translation>Menú de sincronización y cuenta</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>Needs attention…</source>
        <translation>Requiere atención…</translation>
    </message>
    <message>
        <source>Conflicts…</source>
        <translation>Conflictos…</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Iniciar sesión…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Requiere atención</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflictos</translation>
    </message>
    <message>
        <source>Sign-in saved</source>
        <translation>Inicio de sesión guardado</translation>
    </message>
    <message>
        <source>Sign out?</source>
        <translation>¿Cerrar sesión?</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) have not reached the hub yet. They stay on this device and are sent after you sign in again. Sign out anyway?</source>
        <translation>
            <numerusform>%n cambio aún no ha llegado al hub. Se queda en este dispositivo y se enviará cuando vuelva a iniciar sesión. ¿Cerrar sesión de todos modos?</numerusform>
            <numerusform>%n cambios aún no han llegado al hub. Se quedan en este dispositivo y se enviarán cuando vuelva a iniciar sesión. ¿Cerrar sesión de todos modos?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>Changes that need attention</source>
        <translation>Cambios que requieren atención</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>Send and fetch changes now (F5)</source>
        <translation>Enviar y recibir cambios ahora (F5)</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n en espera</numerusform>
            <numerusform>%n en espera</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need attention</source>
        <translation>
            <numerusform>%n requiere atención</numerusform>
            <numerusform>%n requieren atención</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending changes…</source>
        <translation>Enviando cambios…</translation>
    </message>
    <message>
        <source>Sending files…</source>
        <translation>Enviando archivos…</translation>
    </message>
    <message>
        <source>Fetching changes…</source>
        <translation>Recibiendo cambios…</translation>
    </message>
    <message>
        <source>Fetching files…</source>
        <translation>Recibiendo archivos…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Sin sesión iniciada</translation>
    </message>
    <message>
        <source>Sign in needed</source>
        <translation>Hay que iniciar sesión</translation>
    </message>
    <message>
        <source>Hub needs an update</source>
        <translation>El hub necesita una actualización</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Hub trouble, retrying</source>
        <translation>Problema con el hub, reintentando</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Aún sin sincronizar</translation>
    </message>
    <message>
        <source>Synced at %1</source>
        <translation>Sincronizado a las %1</translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation>Sincronizado %1</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>the disk is full: %1 of %2 leads were saved; free space and import again (saved rows are skipped)</source>
        <translation>el disco está lleno: se guardaron %1 de %2 leads; libere espacio e importe de nuevo (las filas guardadas se omiten)</translation>
    </message>
    <message>
        <source>the disk is full; nothing was lost. Free space and try again</source>
        <translation>el disco está lleno; no se perdió nada. Libere espacio e inténtelo de nuevo</translation>
    </message>
</context>
<context>
    <name>UndoNotice</name>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>Deshacer el último cambio</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z): records a correction that syncs</source>
        <translation>Deshacer (Ctrl+Z): registra una corrección que se sincroniza</translation>
    </message>
</context>
<context>
    <name>UpdateNotice</name>
    <message>
        <source>Newer version available</source>
        <translation>Versión más reciente disponible</translation>
    </message>
    <message>
        <source>Get it</source>
        <translation>Ir a la página</translation>
    </message>
    <message>
        <source>Fieldnote %1 is available.</source>
        <translation>Fieldnote %1 está disponible.</translation>
    </message>
    <message>
        <source>Fieldnote %1 is available at %2</source>
        <translation>Fieldnote %1 está disponible en %2</translation>
    </message>
</context>
<context>
    <name>VoiceNotes</name>
    <message>
        <source>Voice notes are unavailable: this computer lacks the audio libraries they need (%1).</source>
        <translation>Las notas de voz no están disponibles: a este ordenador le faltan las bibliotecas de audio necesarias (%1).</translation>
    </message>
    <message>
        <source>No microphone found: connect one to record voice notes.</source>
        <translation>No se encontró micrófono: conecte uno para grabar notas de voz.</translation>
    </message>
    <message>
        <source>No microphone found.</source>
        <translation>No se encontró micrófono.</translation>
    </message>
    <message>
        <source>the recorder stopped</source>
        <translation>la grabación se interrumpió</translation>
    </message>
    <message>
        <source>The voice note could not be recorded: %1</source>
        <translation>No se pudo grabar la nota de voz: %1</translation>
    </message>
    <message>
        <source>Nothing was recorded: the microphone gave no sound.</source>
        <translation>No se grabó nada: el micrófono no dio sonido.</translation>
    </message>
    <message>
        <source>The voice note came out larger than %1 MB and was not kept.</source>
        <translation>La nota de voz superó los %1 MB y no se guardó.</translation>
    </message>
    <message>
        <source>This voice note cannot be played: %1</source>
        <translation>Esta nota de voz no se puede reproducir: %1</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>error desconocido</translation>
    </message>
</context>
<context>
    <name>VoiceTab</name>
    <message>
        <source>by team</source>
        <translation>por equipo</translation>
    </message>
    <message>
        <source>by outcome</source>
        <translation>por resultado</translation>
    </message>
    <message>
        <source>Trend and segments of</source>
        <translation>Tendencia y segmentos de</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segmentos</translation>
    </message>
    <message>
        <source>Per month</source>
        <translation>Por mes</translation>
    </message>
    <message>
        <source>By segment</source>
        <translation>Por segmento</translation>
    </message>
    <message>
        <source>Debriefs</source>
        <translation>Informes</translation>
    </message>
    <message>
        <source>Share of debriefs</source>
        <translation>Proporción de informes</translation>
    </message>
    <message>
        <source>%1 (from %2 debriefs; click a bar for the debriefs)</source>
        <translation>%1 (de %2 informes; haga clic en una barra para ver los informes)</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
</context>
<context>
    <name>_CollateralRow</name>
    <message>
        <source>Not rated</source>
        <translation>Sin valorar</translation>
    </message>
    <message>
        <source>Helped</source>
        <translation>Ayudó</translation>
    </message>
    <message>
        <source>Did not help</source>
        <translation>No ayudó</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
</context>
<context>
    <name>_Tab</name>
    <message>
        <source>Captured</source>
        <translation>Captados</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>Cualificados</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>Contactados</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Reunión</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Oportunidad</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Ganados</translation>
    </message>
    <message>
        <source>Hot</source>
        <translation>Calientes</translation>
    </message>
    <message>
        <source>Warm</source>
        <translation>Templados</translation>
    </message>
    <message>
        <source>Cold</source>
        <translation>Fríos</translation>
    </message>
    <message>
        <source>Ungraded</source>
        <translation>Sin calificar</translation>
    </message>
    <message>
        <source>Not qualified</source>
        <translation>No cualificados</translation>
    </message>
    <message>
        <source>Objections</source>
        <translation>Objeciones</translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation>Competidores</translation>
    </message>
    <message>
        <source>Why they buy</source>
        <translation>Por qué compran</translation>
    </message>
    <message>
        <source>Why they don&apos;t</source>
        <translation>Por qué no compran</translation>
    </message>
</context>
<context>
    <name>_VisitorForm</name>
    <message>
        <source>Welcome to %1</source>
        <translation>Bienvenido a %1</translation>
    </message>
    <message>
        <source>Leave your details and we will be in touch.</source>
        <translation>Déjenos sus datos y nos pondremos en contacto.</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>A few questions</source>
        <translation>Algunas preguntas</translation>
    </message>
    <message>
        <source>I agree to be contacted</source>
        <translation>Acepto que se pongan en contacto conmigo</translation>
    </message>
    <message>
        <source>Your signature (optional)</source>
        <translation>Su firma (opcional)</translation>
    </message>
    <message>
        <source>Clear signature</source>
        <translation>Borrar la firma</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Enviar</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <source>Collateral</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Debriefs</source>
        <translation>Informes</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>Análisis</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>This lead belongs to someone else</source>
        <translation>Este lead pertenece a otra persona</translation>
    </message>
    <message>
        <source>This debrief belongs to someone else</source>
        <translation>Este informe pertenece a otra persona</translation>
    </message>
    <message>
        <source>Only the lead&apos;s owner or a marketer can record its outcome</source>
        <translation>Solo el responsable del lead o marketing pueden registrar su resultado</translation>
    </message>
    <message>
        <source>You can comment only on debriefs you can see (reps: their own)</source>
        <translation>Solo puede comentar los informes que puede ver (comerciales: los suyos)</translation>
    </message>
    <message>
        <source>A new request starts open; marketers answer it</source>
        <translation>Una solicitud nueva empieza abierta; marketing la responde</translation>
    </message>
    <message>
        <source>Only marketers answer collateral requests</source>
        <translation>Solo marketing responde las solicitudes de material</translation>
    </message>
    <message>
        <source>You can withdraw only your own requests</source>
        <translation>Solo puede retirar sus propias solicitudes</translation>
    </message>
    <message>
        <source>You can change only your own requests</source>
        <translation>Solo puede cambiar sus propias solicitudes</translation>
    </message>
    <message>
        <source>Only marketers set a request&apos;s status, response or collateral</source>
        <translation>Solo marketing fija el estado, la respuesta o el material de una solicitud</translation>
    </message>
    <message>
        <source>Marketers answer requests (status, response, collateral)</source>
        <translation>Marketing responde las solicitudes (estado, respuesta, material)</translation>
    </message>
    <message>
        <source>Only the people involved in a conflict can resolve it</source>
        <translation>Solo las personas implicadas en un conflicto pueden resolverlo</translation>
    </message>
    <message>
        <source>Only `resolved` can be changed on a conflict</source>
        <translation>En un conflicto solo se puede cambiar `resolved`</translation>
    </message>
    <message>
        <source>Reps propose material as a draft or for review; marketing approves and publishes it</source>
        <translation>Los comerciales proponen material como borrador o para revisión; marketing lo aprueba y lo publica</translation>
    </message>
    <message>
        <source>Reps change only their own proposals, until they are approved</source>
        <translation>Los comerciales solo modifican sus propias propuestas, hasta que se aprueban</translation>
    </message>
    <message>
        <source>Only marketers review material (comment, verification, version)</source>
        <translation>Solo marketing revisa el material (comentario, verificación, versión)</translation>
    </message>
    <message>
        <source>The lead this refers to is not on the hub, or you cannot see it</source>
        <translation>El lead al que se refiere no está en el hub, o usted no puede verlo</translation>
    </message>
    <message>
        <source>The debrief this refers to is not on the hub, or you cannot see it</source>
        <translation>El informe al que se refiere no está en el hub, o usted no puede verlo</translation>
    </message>
    <message>
        <source>The collateral this refers to is not on the hub, or you cannot see it</source>
        <translation>El material al que se refiere no está en el hub, o usted no puede verlo</translation>
    </message>
    <message>
        <source>The outcome this withdraws is not on the hub, or you cannot see it</source>
        <translation>El resultado que esto retira no está en el hub, o usted no puede verlo</translation>
    </message>
    <message>
        <source>The consent wording this names is not on the hub; marketing manages the wordings</source>
        <translation>El texto de consentimiento indicado no está en el hub; marketing gestiona los textos</translation>
    </message>
    <message>
        <source>Administrators manage users and settings; they do not edit records</source>
        <translation>Los administradores gestionan usuarios y ajustes; no editan registros</translation>
    </message>
    <message>
        <source>Only reps and marketers capture leads</source>
        <translation>Solo comerciales y marketing captan leads</translation>
    </message>
    <message>
        <source>Only reps and marketers file debriefs</source>
        <translation>Solo comerciales y marketing escriben informes</translation>
    </message>
    <message>
        <source>Lead outcome records cannot be changed or deleted once written</source>
        <translation>Los resultados de un lead no se pueden cambiar ni borrar una vez registrados</translation>
    </message>
    <message>
        <source>Debrief comment records cannot be changed or deleted once written</source>
        <translation>Los comentarios de un informe no se pueden cambiar ni borrar una vez escritos</translation>
    </message>
    <message>
        <source>Collateral feedback records cannot be changed or deleted once written</source>
        <translation>Las valoraciones de material no se pueden cambiar ni borrar una vez escritas</translation>
    </message>
    <message>
        <source>Collateral usage records cannot be changed or deleted once written</source>
        <translation>Los registros de uso de material no se pueden cambiar ni borrar una vez escritos</translation>
    </message>
    <message>
        <source>User records are made by the hub; clients cannot change them</source>
        <translation>Los usuarios los crea el hub; los clientes no pueden cambiarlos</translation>
    </message>
    <message>
        <source>Conflict records are made by the hub; clients cannot change them</source>
        <translation>Los conflictos los crea el hub; los clientes no pueden cambiarlos</translation>
    </message>
    <message>
        <source>Records of exports cannot be changed or deleted once written</source>
        <translation>Los registros de exportaciones no se pueden cambiar ni borrar una vez escritos</translation>
    </message>
    <message>
        <source>Only marketers and administrators can change the consent wording</source>
        <translation>Solo marketing y los administradores pueden cambiar el texto de consentimiento</translation>
    </message>
    <message>
        <source>Collateral send records cannot be changed or deleted once written</source>
        <translation>Los registros de envío de material no se pueden cambiar ni borrar una vez escritos</translation>
    </message>
    <message>
        <source>Only reps and marketers send collateral to visitors</source>
        <translation>Solo comerciales y marketing envían material a los visitantes</translation>
    </message>
    <message>
        <source>Voice notes and photos cannot be changed once added; remove one and add another</source>
        <translation>Las notas de voz y las fotos no se pueden cambiar una vez añadidas; quite una y añada otra</translation>
    </message>
    <message>
        <source>Only reps and marketers add voice notes and photos to leads</source>
        <translation>Solo los comerciales y el equipo de marketing añaden notas de voz y fotos a los leads</translation>
    </message>
    <message>
        <source>Only the person who added a voice note or photo can remove it</source>
        <translation>Solo quien añadió una nota de voz o una foto puede quitarla</translation>
    </message>
    <message>
        <source>Only marketers can change Collateral records</source>
        <translation>Solo marketing puede cambiar el material comercial</translation>
    </message>
    <message>
        <source>Only marketers can change Event records</source>
        <translation>Solo marketing puede cambiar los eventos</translation>
    </message>
    <message>
        <source>Only marketers can change Rubric records</source>
        <translation>Solo marketing puede cambiar las rúbricas</translation>
    </message>
    <message>
        <source>Only marketers can change Reason list records</source>
        <translation>Solo marketing puede cambiar las listas de motivos</translation>
    </message>
    <message>
        <source>Only marketers and managers change the routing rules</source>
        <translation>Solo marketing y los responsables cambian las reglas de asignación</translation>
    </message>
    <message>
        <source>Only marketers hand leads to another owner</source>
        <translation>Solo marketing asigna leads a otro responsable</translation>
    </message>
    <message>
        <source>Only marketers and reps proposing material upload collateral files</source>
        <translation>Solo marketing y los comerciales que proponen material suben archivos de material</translation>
    </message>
    <message>
        <source>Only administrators manage users</source>
        <translation>Solo los administradores gestionan usuarios</translation>
    </message>
    <message>
        <source>Only marketers and managers import outcomes from a CRM report</source>
        <translation>Solo marketing y los responsables importan resultados de un informe del CRM</translation>
    </message>
    <message>
        <source>Only marketers and administrators set how long material stays verified</source>
        <translation>Solo marketing y los administradores fijan cuánto tiempo sigue verificado el material</translation>
    </message>
    <message>
        <source>Only administrators export or erase a person&apos;s data</source>
        <translation>Solo los administradores exportan o borran los datos de una persona</translation>
    </message>
    <message>
        <source>Only the sender, marketing or an administrator revokes the links of a send</source>
        <translation>Solo quien lo envió, marketing o un administrador revoca los enlaces de un envío</translation>
    </message>
    <message>
        <source>This account is disabled</source>
        <translation>Esta cuenta está desactivada</translation>
    </message>
</context>
<context>
    <name>sending</name>
    <message>
        <source>Only approved collateral that has not expired can be sent to a visitor</source>
        <translation>Solo se puede enviar a un visitante material aprobado y no caducado</translation>
    </message>
    <message>
        <source>Not sent: the visitor has not agreed to be contacted</source>
        <translation>No enviado: el visitante no ha aceptado que se le contacte</translation>
    </message>
    <message>
        <source>Not sent: the visitor has no email address</source>
        <translation>No enviado: el visitante no tiene dirección de correo</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>en cola</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>enviado</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallido</translation>
    </message>
    <message>
        <source>not sent: no consent</source>
        <translation>no enviado: sin consentimiento</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>abierto</translation>
    </message>
</context>
</TS>
